namespace Assistance.Application.Events;

/// <summary>The events partners can subscribe to (docs/partners.md has the catalogue with examples).</summary>
public enum PartnerEventType
{
    /// <summary>An enrolment began (纳入救助, R-22).</summary>
    EnrolmentStarted,

    /// <summary>An enrolment ended for good .</summary>
    EnrolmentEnded,

    /// <summary>The monthly amount of an enrolment changed .</summary>
    AmountChanged,

    /// <summary>A death reported by public security was processed (the life-events use case).</summary>
    PersonDeceasedProcessed,

    /// <summary>The month's new and removed beneficiaries for the medical-insurance bureau .</summary>
    MonthlyMedicalInsuranceFeed,
}
