namespace Assistance.Domain.Enrolments;

using Assistance.Domain.Applications;
using Assistance.Domain.Common;

// Business rules of the care agreement (关爱照料协议), each named after its invariant, with R-id and clause.

/// <summary>R-23; S0 一; S1 一.3: a care agreement is made for a decentralized tekun person (分散供养).</summary>
public sealed class CareAgreementIsForDecentralizedTekun(Programme programme, CareSetting? careSetting) : IBusinessRule
{
    public string Code => "care-agreement.needs-decentralized-tekun";

    public string Message => "A care agreement is made for a decentralized tekun person (分散供养).";

    public string Source => "R-23; S0 一; S1 一.3";

    public bool IsBroken() => programme != Programme.Tekun || careSetting != CareSetting.Decentralized;
}

/// <summary>R-22: an ended enrolment takes no new care agreement.</summary>
public sealed class CareAgreementNeedsAnEnrolmentThatHasNotEnded(EnrolmentStatus status) : IBusinessRule
{
    public string Code => "care-agreement.enrolment-ended";

    public string Message => "The enrolment has ended.";

    public string Source => "R-22";

    public bool IsBroken() => status == EnrolmentStatus.Ended;
}

/// <summary>R-23: one care agreement per tekun person.</summary>
public sealed class OneCareAgreementPerEnrolment(bool enrolmentHasAgreement) : IBusinessRule
{
    public string Code => "care-agreement.exists";

    public string Message => "This tekun person already has a care agreement.";

    public string Source => "R-23";

    public bool IsBroken() => enrolmentHasAgreement;
}

/// <summary>R-23: a visit is dated between the agreement's start and today (bad input, 400 on visitedOn).</summary>
public sealed class CareVisitIsDatedBetweenStartAndToday(DateOnly visitedOn, DateOnly startsOn, DateOnly today) : IBusinessRule
{
    public string Code => "care-agreement.visit-date-out-of-range";

    public string Message => $"A visit is dated between the agreement's start ({startsOn:yyyy-MM-dd}) and today ({today:yyyy-MM-dd}).";

    public string Source => "R-23";

    public bool IsBroken() => visitedOn > today || visitedOn < startsOn;
}
