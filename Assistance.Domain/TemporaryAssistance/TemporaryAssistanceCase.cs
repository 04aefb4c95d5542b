namespace Assistance.Domain.TemporaryAssistance;

using Assistance.Domain.Common;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;

/// <summary>The persisted state of a temporary-assistance case (the repository stores it; the aggregate guards it).</summary>
public sealed record TemporaryAssistanceState
{
    public Guid Id { get; init; }

    public string RegionCode { get; init; } = string.Empty;

    public TemporaryAssistanceType Type { get; init; }

    public string PersonName { get; init; } = string.Empty;

    public string IdNumber { get; init; } = string.Empty;

    public DateOnly OccurredOn { get; init; }

    public string Description { get; init; } = string.Empty;

    public decimal AmountRequested { get; init; }

    public bool UnemployedMigrantGrant { get; init; }

    public ResidenceType Residence { get; init; }

    public ResidenceBasis ResidenceBasis { get; init; }

    public decimal MonthlyStandard { get; init; }

    public decimal Months { get; init; }

    public ApprovalTier Tier { get; init; }

    public TemporaryAssistanceStatus Status { get; init; }

    public DateOnly SubmittedOn { get; init; }

    public string SubmittedBy { get; init; } = string.Empty;

    public DateOnly? DecidedOn { get; init; }

    public string? DecidedBy { get; init; }

    public string? MeetingReference { get; init; }

    public string? RefusalReasons { get; init; }

    public DateOnly? PaidOn { get; init; }

    public string? PaidBy { get; init; }

    public bool FirstAid { get; init; }

    public DateOnly? PaperworkDueOn { get; init; }

    public DateOnly? PaperworkRecordedOn { get; init; }

    public string? PaperworkExplanation { get; init; }

    public long Version { get; init; }
}

/// <summary>
/// A temporary-assistance case (临时救助, R-42 … R-45): anyone, local hukou or not, in the township where the emergency
/// happened (S2 四(十三); S0 三). Its amount is measured in months of that township's dibao standard on the date of the
/// emergency, which fixes who decides it. An emergency case may be paid first and its paperwork recorded
/// afterwards (先行救助, R-44); payments come out of the township's reserve fund in the same transaction.
/// </summary>
public sealed class TemporaryAssistanceCase : IHasDomainEvents
{
    private readonly List<IDomainEvent> domainEvents = [];
    private TemporaryAssistanceState state;

    private TemporaryAssistanceCase(TemporaryAssistanceState state) => this.state = state;

    public Guid Id => state.Id;

    public RegionCode Region => RegionCode.Parse(state.RegionCode);

    public TemporaryAssistanceStatus Status => state.Status;

    public ApprovalTier Tier => state.Tier;

    public Money AmountRequested => Money.FromYuan(state.AmountRequested, "amountRequested");

    public long Version => state.Version;

    public IReadOnlyList<IDomainEvent> DomainEvents => domainEvents;

    public static TemporaryAssistanceCase Restore(TemporaryAssistanceState state) => new(state ?? throw new ArgumentNullException(nameof(state)));

    /// <summary>
    /// Records a case in the township where the emergency happened. No hukou test: the place decides. An
    /// unemployed-migrant grant must fall in its band (S0 三).
    /// </summary>
    public static TemporaryAssistanceCase Open(
        Guid id, RegionCode township, TemporaryAssistanceType type, string personName, NationalId idNumber, DateOnly occurredOn, string description,
        Money amountRequested, bool unemployedMigrantGrant, TemporaryAssistanceEvaluation evaluation, DateOnly today, string actor, string? reason)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        ArgumentNullException.ThrowIfNull(evaluation);
        if (township.Level != RegionLevel.Township)
        {
            throw new DomainValidationException("townshipCode", "Temporary assistance is granted by the township (9-digit code) where the emergency happened.");
        }

        if (amountRequested <= Money.Zero)
        {
            throw new DomainValidationException("amountRequested", "The amount requested is a positive number of yuan.");
        }

        if (unemployedMigrantGrant)
        {
            BusinessRules.Check(new MigrantGrantIsWithinItsBand(amountRequested, evaluation.MigrantGrant!));
        }

        var c = new TemporaryAssistanceCase(new TemporaryAssistanceState
        {
            Id = id,
            RegionCode = township.Value,
            Type = type,
            PersonName = personName.Trim(),
            IdNumber = idNumber.Value,
            OccurredOn = occurredOn,
            Description = description.Trim(),
            AmountRequested = amountRequested.Yuan,
            UnemployedMigrantGrant = unemployedMigrantGrant,
            Residence = evaluation.Residence,
            ResidenceBasis = evaluation.ResidenceBasis,
            MonthlyStandard = evaluation.MonthlyStandard.Yuan,
            Months = evaluation.Months,
            Tier = evaluation.Tier,
            Status = TemporaryAssistanceStatus.Submitted,
            SubmittedOn = today,
            SubmittedBy = actor,
            Version = 1,
        });
        c.domainEvents.Add(new TemporaryAssistanceCaseOpened(
            id, township, today, actor, reason, type, amountRequested, evaluation.Months, evaluation.Tier, unemployedMigrantGrant));
        return c;
    }

    /// <summary>Approves at the case's tier: 一事一议 needs the coordination meeting's reference.</summary>
    public void Approve(RegionLevel deciderLevel, string? meetingReference, DateOnly today, string actor, string? reason)
    {
        BusinessRules.Check(new TemporaryAssistanceStepIsAllowed("Approve", Status, TemporaryAssistanceStatus.Submitted));
        BusinessRules.Check(new DeciderIsAtTheApprovalTier(Tier, deciderLevel));
        BusinessRules.Check(new CaseByCaseApprovalHasMeetingReference(Tier, meetingReference));
        var before = Status;
        state = state with
        {
            Status = TemporaryAssistanceStatus.Approved,
            DecidedOn = today,
            DecidedBy = actor,
            MeetingReference = Clean(meetingReference),
        };
        domainEvents.Add(new TemporaryAssistanceCaseDecided(Id, Region, "Approved", today, actor, reason, before, Status, Tier, state.MeetingReference));
    }

    /// <summary>Refuses at the case's tier, with written reasons.</summary>
    public void Refuse(RegionLevel deciderLevel, string reasons, DateOnly today, string actor)
    {
        BusinessRules.Check(new TemporaryAssistanceStepIsAllowed("Refuse", Status, TemporaryAssistanceStatus.Submitted));
        BusinessRules.Check(new DeciderIsAtTheApprovalTier(Tier, deciderLevel));
        BusinessRules.Check(new TemporaryAssistanceRefusalHasReasons(reasons));
        var before = Status;
        state = state with { Status = TemporaryAssistanceStatus.Refused, DecidedOn = today, DecidedBy = actor, RefusalReasons = reasons.Trim() };
        domainEvents.Add(new TemporaryAssistanceCaseDecided(Id, Region, "Refused", today, actor, reasons, before, Status, Tier, null));
    }

    /// <summary>
    /// Pays the case. An approved case is paid; a submitted emergency case may be paid first (先行救助, R-44) by an
    /// account at its tier, with its paperwork due <paramref name="paperworkDueDays"/> calendar days later. The caller
    /// disburses the same amount from the township's reserve fund in the same transaction.
    /// </summary>
    public void Pay(RegionLevel payerLevel, int paperworkDueDays, DateOnly today, string actor, string? reason)
    {
        BusinessRules.Check(new TemporaryAssistanceStepIsAllowed("Pay", Status, TemporaryAssistanceStatus.Approved, TemporaryAssistanceStatus.Submitted));
        var before = Status;
        var firstAid = Status == TemporaryAssistanceStatus.Submitted;
        if (firstAid)
        {
            BusinessRules.Check(new OnlyEmergencyCasesArePaidFirst(state.Type));
            BusinessRules.Check(new DeciderIsAtTheApprovalTier(Tier, payerLevel));
        }

        var due = firstAid ? today.AddDays(paperworkDueDays) : (DateOnly?)null;
        state = state with { Status = TemporaryAssistanceStatus.Paid, PaidOn = today, PaidBy = actor, FirstAid = firstAid, PaperworkDueOn = due };
        domainEvents.Add(new TemporaryAssistanceCasePaid(Id, Region, today, actor, reason, before, AmountRequested, firstAid, due));
    }

    /// <summary>
    /// Records the paperwork of a first-aid payment afterwards (事后补充说明情况, R-44): the explanation and the approval at
    /// the case's tier, with the meeting reference for 一事一议.
    /// </summary>
    public void RecordPaperwork(RegionLevel deciderLevel, string explanation, string? meetingReference, DateOnly today, string actor, string? reason)
    {
        BusinessRules.Check(new TemporaryAssistanceStepIsAllowed("RecordPaperwork", Status, TemporaryAssistanceStatus.Paid));
        BusinessRules.Check(new PaperworkFollowsAFirstAidPayment(state.FirstAid, state.PaperworkRecordedOn is not null));
        BusinessRules.Check(new DeciderIsAtTheApprovalTier(Tier, deciderLevel));
        BusinessRules.Check(new CaseByCaseApprovalHasMeetingReference(Tier, meetingReference));
        var late = state.PaperworkDueOn is { } due && today > due;
        state = state with
        {
            PaperworkRecordedOn = today,
            PaperworkExplanation = explanation.Trim(),
            DecidedOn = today,
            DecidedBy = actor,
            MeetingReference = Clean(meetingReference),
        };
        domainEvents.Add(new TemporaryAssistancePaperworkRecorded(Id, Region, today, actor, reason ?? explanation, Tier, state.MeetingReference, late));
    }

    public TemporaryAssistanceState ToState() => state;

    public void SetVersion(long version) => state = state with { Version = version };

    public void ClearDomainEvents() => domainEvents.Clear();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
