namespace Assistance.Domain.Enrolments;

using Assistance.Domain.Applications;
using Assistance.Domain.Common;
using Assistance.Domain.Regions;

/// <summary>A recorded visit to a decentralized tekun person.</summary>
public sealed record CareVisit(Guid Id, DateOnly VisitedOn, string Visitor, string Notes);

/// <summary>The persisted shape of a care agreement (what the repository stores and restores).</summary>
public sealed record CareAgreementState(
    Guid Id, RegionCode Region, Guid EnrolmentId, string CarerName, string? CarerPhone, string Duties, int VisitFrequencyDays, DateOnly StartsOn,
    DateOnly? LastVisitOn, long Version);

/// <summary>What a new care agreement says: the carer, the duties and how often the person is visited.</summary>
public sealed record CareAgreementTerms(string CarerName, string? CarerPhone, string Duties, int VisitFrequencyDays, DateOnly StartsOn);

/// <summary>
/// 关爱照料协议 (R-23; S0 一; S1 一.3): every decentralized tekun person has a carer with duties and a visit frequency.
/// A visit is overdue when more than the visit frequency days passed since the last visit (or the start).
/// </summary>
public sealed class CareAgreement : IHasDomainEvents
{
    private readonly List<IDomainEvent> domainEvents = [];

    private CareAgreement(CareAgreementState s)
    {
        Id = s.Id;
        Region = s.Region;
        EnrolmentId = s.EnrolmentId;
        CarerName = s.CarerName;
        CarerPhone = s.CarerPhone;
        Duties = s.Duties;
        VisitFrequencyDays = s.VisitFrequencyDays;
        StartsOn = s.StartsOn;
        LastVisitOn = s.LastVisitOn;
        Version = s.Version;
    }

    public Guid Id { get; }

    public RegionCode Region { get; }

    public Guid EnrolmentId { get; }

    public string CarerName { get; }

    public string? CarerPhone { get; }

    public string Duties { get; }

    public int VisitFrequencyDays { get; }

    public DateOnly StartsOn { get; }

    public DateOnly? LastVisitOn { get; private set; }

    public long Version { get; private set; }

    /// <summary>The day the next visit is due: the visit frequency counted from the last visit, or from the start.</summary>
    public DateOnly NextVisitDue => NextVisitDueFrom(StartsOn, LastVisitOn, VisitFrequencyDays);

    public IReadOnlyList<IDomainEvent> DomainEvents => domainEvents;

    /// <summary>
    /// Makes the agreement for an enrolment: only a decentralized tekun person whose enrolment has not ended, and
    /// only one agreement per enrolment.
    /// </summary>
    /// <param name="id">The new agreement's id.</param>
    /// <param name="enrolment">The tekun enrolment the agreement is for.</param>
    /// <param name="enrolmentHasAgreement">Whether the enrolment already has an agreement (the repository knows).</param>
    /// <param name="terms">Carer, duties, visit frequency and start.</param>
    /// <param name="reason">Why, as the audit trail shows it.</param>
    public static CareAgreement Create(Guid id, Enrolment enrolment, bool enrolmentHasAgreement, CareAgreementTerms terms, string? reason)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(terms);
        BusinessRules.Check(new CareAgreementIsForDecentralizedTekun(enrolment.Programme, enrolment.CareSetting));
        BusinessRules.Check(new CareAgreementNeedsAnEnrolmentThatHasNotEnded(enrolment.Status));
        BusinessRules.Check(new OneCareAgreementPerEnrolment(enrolmentHasAgreement));
        var agreement = new CareAgreement(new CareAgreementState(
            id, enrolment.Region, enrolment.Id, terms.CarerName.Trim(), terms.CarerPhone?.Trim(), terms.Duties.Trim(), terms.VisitFrequencyDays, terms.StartsOn, null, 1));
        agreement.domainEvents.Add(new CareAgreementCreated(agreement.ToState(), reason));
        return agreement;
    }

    public static CareAgreement Restore(CareAgreementState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new CareAgreement(state);
    }

    public static DateOnly NextVisitDueFrom(DateOnly startsOn, DateOnly? lastVisitOn, int visitFrequencyDays) =>
        (lastVisitOn ?? startsOn).AddDays(visitFrequencyDays);

    /// <summary>Overdue when today is past the day the next visit was due (the due day itself is not overdue).</summary>
    public bool IsVisitOverdue(DateOnly today) => today > NextVisitDue;

    /// <summary>
    /// Records a visit dated between the agreement's start and today; the last visit moves forward only (a late entry of
    /// an older visit does not make the next visit due earlier).
    /// </summary>
    public CareVisit RecordVisit(Guid visitId, DateOnly visitedOn, string visitor, string notes, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        ArgumentNullException.ThrowIfNull(notes);
        FieldRules.Check(new CareVisitIsDatedBetweenStartAndToday(visitedOn, StartsOn, today), "visitedOn");
        var visit = new CareVisit(visitId, visitedOn, visitor.Trim(), notes.Trim());
        var before = LastVisitOn;
        LastVisitOn = before is { } last && last > visitedOn ? last : visitedOn;
        domainEvents.Add(new CareVisitRecorded(Id, Region, before, visit));
        return visit;
    }

    /// <summary>Set by the repository after it stored the agreement.</summary>
    public void SetVersion(long version) => Version = version;

    public CareAgreementState ToState() =>
        new(Id, Region, EnrolmentId, CarerName, CarerPhone, Duties, VisitFrequencyDays, StartsOn, LastVisitOn, Version);

    public void ClearDomainEvents() => domainEvents.Clear();
}
