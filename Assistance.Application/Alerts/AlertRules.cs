namespace Assistance.Application.Alerts;

/// <summary>The rule names an alert can carry (the rule classes in Infrastructure/Alerts name the same), for filters.</summary>
public static class AlertRules
{
    public const string ZeroEmployment = "ZeroEmployment";
    public const string MarginalRigidSpending = "MarginalRigidSpending";
    public const string TekunVisitOverdue = "TekunVisitOverdue";
    public const string TekunMinorTurningAdult = "TekunMinorTurningAdult";
    public const string DuplicateIdNumber = "DuplicateIdNumber";
    public const string ReviewOverdue = "ReviewOverdue";

    public static readonly IReadOnlyList<string> All =
        [ZeroEmployment, MarginalRigidSpending, TekunVisitOverdue, TekunMinorTurningAdult, DuplicateIdNumber, ReviewOverdue];
}
