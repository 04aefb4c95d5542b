namespace Assistance.Application.Reports;

using System.ComponentModel.DataAnnotations;
using Assistance.Domain.Applications;

/// <summary>Started: the person became a beneficiary (first paid month); Ended: the enrolment ended that month.</summary>
public enum BeneficiaryChange
{
    Started,
    Ended,
}

/// <summary>One person who became or stopped being a beneficiary in the month, for the medical-insurance bureau.</summary>
public sealed record MedicalInsuranceChangeDto(
    BeneficiaryChange Change,
    DateOnly EffectiveOn,
    [property: MaxLength(18)] string IdNumber,
    [property: MaxLength(100)] string Name,
    Guid MemberId,
    Guid HouseholdId,
    Guid EnrolmentId,
    Programme Programme,
    [property: MaxLength(12)] string RegionCode,
    DateOnly StartMonth,
    DateOnly? EndedOn);

/// <summary>A page of the month's changes with the month's totals.</summary>
public sealed record MedicalInsuranceChangesReport(
    [property: MaxLength(7)] string Month,
    [property: MaxLength(12)] string RegionCode,
    long Started,
    long Ended,
    [property: MaxLength(200)] IReadOnlyList<MedicalInsuranceChangeDto> Items,
    [property: MaxLength(500)] string? NextCursor);

/// <summary>A row key of the report (the paging position).</summary>
public sealed record MedicalInsuranceChangeKey(BeneficiaryChange Change, Guid EnrolmentId, Guid MemberId);

public interface IMedicalInsuranceReportQueries
{
    /// <summary>The month's changes in the scope's subtree after <paramref name="after"/>, in key order (set-based SQL).</summary>
    Task<IReadOnlyList<MedicalInsuranceChangeDto>> ChangesAsync(
        Abstractions.RegionScope scope, DateOnly month, MedicalInsuranceChangeKey? after, int limit, CancellationToken cancellationToken);

    Task<(long Started, long Ended)> CountsAsync(Abstractions.RegionScope scope, DateOnly month, CancellationToken cancellationToken);
}
