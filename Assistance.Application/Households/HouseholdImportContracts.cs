namespace Assistance.Application.Households;

using System.ComponentModel.DataAnnotations;
using Assistance.Application.Abstractions;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;

/// <summary>A household import that was written: one transaction, one audit row, these counts.</summary>
/// <param name="ImportId">Id of the import (the entity id of its audit row).</param>
/// <param name="Households">Households written.</param>
/// <param name="Members">Members written.</param>
/// <param name="Incomes">Income items written.</param>
/// <param name="ContentSha256">SHA-256 of the body as received (hex), recorded in the audit row.</param>
/// <param name="ImportedAt">When the households were registered (their createdAt).</param>
public sealed record HouseholdImportDto(
    Guid ImportId,
    [property: Range(0, int.MaxValue)] int Households,
    [property: Range(0, int.MaxValue)] int Members,
    [property: Range(0, int.MaxValue)] int Incomes,
    [property: MaxLength(64)] string ContentSha256,
    DateTimeOffset ImportedAt);

/// <summary>One refused line of an import body.</summary>
/// <param name="Line">Line number in the body (1 = first line).</param>
/// <param name="Field">The field within the line's household (<c>members[0].idNumber</c>), or <c>line</c> for the whole line.</param>
/// <param name="Code">Error code (docs/errors.md), e.g. validation.failed or household.member-in-other-household.</param>
/// <param name="Message">What is wrong, with the rule's R-id where one applies.</param>
public sealed record ImportLineError(int Line, string Field, string Code, string Message);

/// <summary>
/// The import was refused as a whole and nothing was written: the lines named are wrong (400), outside the caller's
/// region (403) or hold an ID number registered in another household (409, R-22).
/// </summary>
public sealed class HouseholdImportRejectedException(int status, string code, string message, IReadOnlyList<ImportLineError> errors, bool truncated)
    : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public IReadOnlyList<ImportLineError> Errors { get; } = errors;

    /// <summary>More lines were wrong than are listed (the listing stops at <see cref="ImportHouseholds.ImportHouseholdsHandler.MaxListedErrors"/>).</summary>
    public bool Truncated { get; } = truncated;
}

/// <summary>One non-empty line of an import body, parsed; <see cref="Error"/> set when it is not a household object.</summary>
public sealed record ImportLine(int Number, HouseholdInput? Household, string? Error);

/// <summary>
/// The body of an import, kept by the API (spooled to a file, so a retried unit of work reads it again) and parsed
/// with the API's JSON rules, one household per line.
/// </summary>
public interface IHouseholdImportBody
{
    /// <summary>The non-blank lines in order, in chunks (each chunk parsed on all cores).</summary>
    IAsyncEnumerable<IReadOnlyList<ImportLine>> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>A household of the file the database refused under R-22: the ID number is held elsewhere.</summary>
public sealed record ImportedIdNumberHolder(int Line, IdNumberHolder Holder);

/// <summary>What the database said when the staged rows were written.</summary>
/// <param name="Households">Rows written (0 when refused).</param>
/// <param name="Members">Member rows written.</param>
/// <param name="Incomes">Income rows written.</param>
/// <param name="UnknownRegions">Lines whose region code is not in the region register (nothing written).</param>
/// <param name="Holders">Lines whose ID numbers other households hold (R-22; nothing written).</param>
public sealed record HouseholdImportOutcome(
    int Households, int Members, int Incomes, IReadOnlyList<(int Line, string RegionCode)> UnknownRegions, IReadOnlyList<ImportedIdNumberHolder> Holders);

/// <summary>
/// Bulk writes of an import in the command's transaction: the households are streamed into a staging table with
/// binary COPY and moved into the register by set-based statements, under the caller's row-level security.
/// </summary>
public interface IHouseholdImportWriter
{
    Task<IHouseholdImportBatch> BeginAsync(RegionScope scope, CancellationToken cancellationToken);
}

/// <summary>One import's staging. Disposing without <see cref="CompleteAsync"/> abandons it (the unit of work rolls back).</summary>
public interface IHouseholdImportBatch : IAsyncDisposable
{
    /// <summary>
    /// The staging rows of a household the aggregate has checked (line = its line in the body), encoded for
    /// <see cref="AddAsync"/>. Pure and thread-safe: the handler encodes on all cores while it parses.
    /// </summary>
    ReadOnlyMemory<byte> Encode(Household household, int line);

    /// <summary>Stages a household: its rows from <see cref="Encode"/>, sent in line order.</summary>
    ValueTask AddAsync(Household household, ReadOnlyMemory<byte> rows, CancellationToken cancellationToken);

    /// <summary>
    /// Ends staging, checks the region codes against the register and writes the households, members and incomes;
    /// when a region is unknown or an ID number is held elsewhere nothing is written and the lines are returned.
    /// </summary>
    Task<HouseholdImportOutcome> CompleteAsync(DateTimeOffset now, int maxListed, CancellationToken cancellationToken);
}
