namespace Assistance.Domain.Payments;

using Assistance.Domain.Common;

/// <summary>R-40: only the current version of a roll is regenerated; a superseded version stays as it was.</summary>
public sealed class OnlyTheCurrentRollIsRegenerated(bool superseded) : IBusinessRule
{
    public string Code => "payment-roll.superseded";

    public string Message => "This version of the roll was superseded; regenerate the current version instead.";

    public string Source => "R-40";

    public bool IsBroken() => superseded;
}

/// <summary>R-40: a bank return marks a line once; Paid or Failed is final (a failed line is re-issued in a later roll instead).</summary>
public sealed class BankReturnStatusIsFinal(PaymentLineStatus current, PaymentLineStatus returned) : IBusinessRule
{
    public string Code => "payment-roll.line-status-final";

    public string Message => $"The line is already {current}; a bank return cannot make it {returned}.";

    public string Source => "R-40";

    public bool IsBroken() => current != PaymentLineStatus.Pending && current != returned;
}

/// <summary>R-40: bank returns are recorded on lines that are still to be paid (not on lines of a superseded version that were never sent).</summary>
public sealed class BankReturnNeedsALiveLine(bool live) : IBusinessRule
{
    public string Code => "payment-roll.line-not-payable";

    public string Message => "The line belongs to a superseded version of the roll and was never to be paid; use the current version's line.";

    public string Source => "R-40";

    public bool IsBroken() => !live;
}
