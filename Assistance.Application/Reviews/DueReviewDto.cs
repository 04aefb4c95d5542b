namespace Assistance.Application.Reviews;

using System.ComponentModel.DataAnnotations;
using Assistance.Domain.Applications;
using Assistance.Domain.Enrolments;

/// <summary>An enrolment whose review (核查) is due .</summary>
/// <param name="EnrolmentId">The enrolment to review.</param>
/// <param name="RegionCode">Its region.</param>
/// <param name="Programme">Its programme.</param>
/// <param name="HouseholdId">The household to visit.</param>
/// <param name="DibaoClass">Dibao class (A, B stable; C unstable), when any.</param>
/// <param name="ReviewIntervalMonths">Its review interval.</param>
/// <param name="NextReviewOn">The date the review fell (or falls) due.</param>
/// <param name="MonthlyAmount">Current monthly amount.</param>
/// <param name="Status">Current status.</param>
/// <param name="Version">The enrolment's version: send it as If-Match when recording the review.</param>
public sealed record DueReviewDto(
    Guid EnrolmentId,
    [property: MaxLength(12)] string RegionCode,
    Programme Programme,
    Guid HouseholdId,
    [property: MaxLength(1)] string? DibaoClass,
    [property: Range(1, 120)] int? ReviewIntervalMonths,
    DateOnly NextReviewOn,
    decimal MonthlyAmount,
    EnrolmentStatus Status,
    [property: Range(0, long.MaxValue)] long Version);

/// <summary>Keyset position in the due list: region code (C order), due date, id.</summary>
public sealed record DuePosition(string RegionCode, DateOnly NextReviewOn, Guid Id);
