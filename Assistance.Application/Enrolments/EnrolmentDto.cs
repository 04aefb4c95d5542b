namespace Assistance.Application.Enrolments;

using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Assistance.Domain.Applications;
using Assistance.Domain.Enrolments;

/// <summary>
/// An enrolment (救助对象, R-22). ID numbers of covered persons are masked unless the caller holds pii.read.
/// <c>GradualExitEndsOn</c> is the last day a gradual exit pays, set however the gradual exit started.
/// </summary>
public sealed record EnrolmentDto(
    Guid Id,
    [property: MaxLength(12)] string RegionCode,
    Guid ApplicationId,
    Programme Programme,
    Guid HouseholdId,
    Guid? PersonMemberId,
    [property: MaxLength(50)] IReadOnlyList<CoveredPersonDto> Covered,
    decimal MonthlyAmount,
    Domain.Eligibility.DibaoClass? DibaoClass,
    [property: Range(1, 120)] int? ReviewIntervalMonths,
    DateOnly? NextReviewOn,
    [property: MaxLength(7)] string StartMonth,
    EnrolmentStatus Status,
    CareSetting? CareSetting,
    DateOnly ApprovedOn,
    DateOnly? EndedOn,
    JsonElement? Basis,
    [property: Range(0, long.MaxValue)] long Version,
    DateOnly? GradualExitEndsOn = null)
{
    public static EnrolmentDto From(Enrolment e, string? basisJson = null, bool showIdNumbers = false)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new EnrolmentDto(
            e.Id, e.Region.Value, e.ApplicationId, e.Programme, e.HouseholdId, e.PersonMemberId,
            e.Covered.Select(c => new CoveredPersonDto(c.MemberId, showIdNumbers ? c.IdNumber : Domain.Households.NationalId.Mask(c.IdNumber))).ToList(),
            e.MonthlyAmount, e.DibaoClass is null ? null : Enum.Parse<Domain.Eligibility.DibaoClass>(e.DibaoClass), e.ReviewIntervalMonths, e.NextReviewOn, e.StartMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            e.Status, e.CareSetting, e.ApprovedOn, e.EndedOn,
            basisJson is null ? null : JsonDocument.Parse(basisJson).RootElement.Clone(), e.Version, e.GradualExitEndsOn);
    }
}

public sealed record CoveredPersonDto(Guid MemberId, [property: MaxLength(18)] string IdNumber);
