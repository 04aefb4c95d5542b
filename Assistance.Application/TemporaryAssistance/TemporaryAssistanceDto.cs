namespace Assistance.Application.TemporaryAssistance;

using System.ComponentModel.DataAnnotations;
using Assistance.Domain.Households;
using Assistance.Domain.TemporaryAssistance;

/// <summary>A temporary-assistance case (临时救助, R-42 … R-45). The ID number is masked unless the caller holds pii.read.</summary>
/// <param name="Id">Case id.</param>
/// <param name="TownshipCode">The township (9 digits) where the emergency happened and which decides and pays.</param>
/// <param name="Type">Emergency (急难型) or Expenditure (支出型).</param>
/// <param name="PersonName">The person assisted.</param>
/// <param name="IdNumber">Their ID number (any hukou).</param>
/// <param name="OccurredOn">When the emergency happened: the standard in force that day measures the amount.</param>
/// <param name="Description">What happened.</param>
/// <param name="AmountRequested">Yuan, two decimals.</param>
/// <param name="UnemployedMigrantGrant">The unemployed-migrant one-off grant (S0 三), held to its band of months.</param>
/// <param name="Residence">Urban or Rural: which dibao standard of the township applies.</param>
/// <param name="ResidenceBasis">Stated by the caseworker, or DerivedFromTownshipCode (街道 codes 001–099 urban, others rural).</param>
/// <param name="MonthlyStandard">The township's dibao standard (yuan per person and month) on OccurredOn.</param>
/// <param name="Months">AmountRequested ÷ MonthlyStandard (4 decimals).</param>
/// <param name="Tier">Township, County or CaseByCase (一事一议), derived from the months .</param>
/// <param name="Status">Submitted, Approved, Refused or Paid.</param>
/// <param name="SubmittedOn">Day recorded.</param>
/// <param name="DecidedOn">Day approved, refused, or its paperwork recorded.</param>
/// <param name="DecidedBy">Who decided.</param>
/// <param name="MeetingReference">The coordination meeting's reference of a 一事一议 approval.</param>
/// <param name="RefusalReasons">Written reasons of a refusal.</param>
/// <param name="PaidOn">Day paid from the reserve fund.</param>
/// <param name="FirstAid">Paid before the paperwork (先行救助, R-44).</param>
/// <param name="PaperworkDueOn">A first-aid payment's paperwork is due by this day.</param>
/// <param name="PaperworkRecordedOn">Day the paperwork was recorded.</param>
/// <param name="PaperworkExplanation">The after-the-fact explanation (事后补充说明情况).</param>
/// <param name="PaperworkOverdue">True when a first-aid payment's paperwork is past its due day today.</param>
/// <param name="Parameters">Every parameter the evaluation read, with region, date and source .</param>
/// <param name="Version">Row version (ETag).</param>
public sealed record TemporaryAssistanceDto(
    Guid Id,
    [property: MaxLength(12)] string TownshipCode,
    TemporaryAssistanceType Type,
    [property: MaxLength(100)] string PersonName,
    [property: MaxLength(18)] string IdNumber,
    DateOnly OccurredOn,
    [property: MaxLength(4000)] string Description,
    decimal AmountRequested,
    bool UnemployedMigrantGrant,
    ResidenceType Residence,
    ResidenceBasis ResidenceBasis,
    decimal MonthlyStandard,
    decimal Months,
    ApprovalTier Tier,
    TemporaryAssistanceStatus Status,
    DateOnly SubmittedOn,
    DateOnly? DecidedOn,
    [property: MaxLength(200)] string? DecidedBy,
    [property: MaxLength(200)] string? MeetingReference,
    [property: MaxLength(4000)] string? RefusalReasons,
    DateOnly? PaidOn,
    bool FirstAid,
    DateOnly? PaperworkDueOn,
    DateOnly? PaperworkRecordedOn,
    [property: MaxLength(4000)] string? PaperworkExplanation,
    bool PaperworkOverdue,
    [property: MaxLength(10)] IReadOnlyList<EvaluationParameterDto> Parameters,
    [property: Range(0, long.MaxValue)] long Version)
{
    public static TemporaryAssistanceDto From(TemporaryAssistanceState s, IReadOnlyList<EvaluationParameterDto> parameters, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new TemporaryAssistanceDto(
            s.Id, s.RegionCode, s.Type, s.PersonName, s.IdNumber, s.OccurredOn, s.Description, s.AmountRequested, s.UnemployedMigrantGrant,
            s.Residence, s.ResidenceBasis, s.MonthlyStandard, s.Months, s.Tier, s.Status, s.SubmittedOn, s.DecidedOn, s.DecidedBy,
            s.MeetingReference, s.RefusalReasons, s.PaidOn, s.FirstAid, s.PaperworkDueOn, s.PaperworkRecordedOn, s.PaperworkExplanation,
            IsPaperworkOverdue(s, today), parameters, s.Version);
    }

    /// <summary>R-44: a first-aid payment whose paperwork is still missing after its due day.</summary>
    public static bool IsPaperworkOverdue(TemporaryAssistanceState s, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.FirstAid && s.PaperworkRecordedOn is null && s.PaperworkDueOn is { } due && today > due;
    }
}

/// <summary>A parameter value the evaluation read .</summary>
/// <param name="Key">Catalog key.</param>
/// <param name="Value">The value in force.</param>
/// <param name="RegionCode">The region that holds it.</param>
/// <param name="EffectiveFrom">First day in force.</param>
/// <param name="Source">Document and clause.</param>
/// <param name="IsDemo">An illustrative value no policy text backs.</param>
public sealed record EvaluationParameterDto(
    [property: MaxLength(100)] string Key, decimal? Value, [property: MaxLength(12)] string RegionCode, DateOnly? EffectiveFrom,
    [property: MaxLength(500)] string Source, bool IsDemo)
{
    public static IReadOnlyList<EvaluationParameterDto> From(IEnumerable<EvaluationParameter> parameters) =>
        parameters.Select(p => new EvaluationParameterDto(p.Key, p.Value, p.RegionCode, p.EffectiveFrom, p.Source, p.IsDemo)).ToList();
}
