namespace Assistance.Application.StatusQueries;

using System.ComponentModel.DataAnnotations;
using Assistance.Domain.Applications;

/// <summary>
/// The answer for one item: whether the person is currently a beneficiary (an enrolment that has not ended, R-22) and of
/// which programmes, since when and where — nothing more. An unknown ID number and one outside the caller's regions
/// get the same answer (<see cref="NotBeneficiary"/>): nothing can be learnt by enumeration.
/// </summary>
/// <param name="ReferenceId">The caller's reference of the item.</param>
/// <param name="Beneficiary">True when at least one enrolment covering the person is current.</param>
/// <param name="Programmes">The current enrolments (empty when not a beneficiary).</param>
public sealed record StatusAnswer([property: MaxLength(100)] string ReferenceId, bool Beneficiary, [property: MaxLength(10)] IReadOnlyList<ProgrammeStatus> Programmes)
{
    private static readonly ProgrammeStatus[] None = [];

    public static StatusAnswer NotBeneficiary(string referenceId) => new(referenceId, false, None);
}

/// <summary>One current enrolment of the person.</summary>
/// <param name="Programme">Dibao, Tekun, DibaoMarginal or ExpenditureHardship.</param>
/// <param name="Since">The first month paid (first day of the month).</param>
/// <param name="RegionCode">The region of the enrolment (county, township or village code).</param>
public sealed record ProgrammeStatus(Programme Programme, DateOnly Since, [property: MaxLength(12)] string RegionCode);

/// <summary>The answers of a synchronous status query, in the order of the request's items.</summary>
/// <param name="Results">One answer per item.</param>
public sealed record StatusQueryResult([property: MaxLength(10000)] IReadOnlyList<StatusAnswer> Results);
