namespace Assistance.Infrastructure.Workflow;

using Assistance.Application.Abstractions;
using Assistance.Application.Applications;
using Assistance.Domain.Regions;
using Assistance.Infrastructure.Persistence;
using Dapper;

public sealed class CloseRelativeStore(DbSession session, TimeProvider clock, Application.Events.DomainEventCollector events) : Application.CloseRelatives.ICloseRelativeRegister, ICloseRelativeMatcher
{
    public async Task AddAsync(RegionScope scope, Domain.CloseRelatives.CloseRelative relative, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(relative);
        scope.Require(relative.Region);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO close_relatives (id, region_code, staff_name, staff_role, relative_name, relative_id_number, relationship, registered_on, created_at)
            VALUES (@Id, @RegionCode, @StaffName, @StaffRole, @RelativeName, @RelativeIdNumber, @Relationship, @RegisteredOn, @now)
            """,
            new
            {
                relative.Id,
                RegionCode = relative.Region.Value,
                relative.StaffName,
                StaffRole = relative.StaffRole.ToString(),
                relative.RelativeName,
                RelativeIdNumber = relative.RelativeIdNumber.Value,
                relative.Relationship,
                relative.RegisteredOn,
                now = clock.GetUtcNow(),
            },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        events.Collect(relative);
    }

    public async Task<IReadOnlyList<Application.CloseRelatives.CloseRelativeDto>> ListAsync(RegionScope scope, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<RelativeRow>(new CommandDefinition(
            """
            SELECT id AS Id, region_code AS RegionCode, staff_name AS StaffName, staff_role AS StaffRole, relative_name AS RelativeName,
                   relative_id_number AS RelativeIdNumber, relationship AS Relationship, registered_on AS RegisteredOn
            FROM close_relatives WHERE region_code LIKE @prefix ORDER BY id
            """,
            new { prefix = scope.Prefix + "%" }, session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new Application.CloseRelatives.CloseRelativeDto(
            r.Id, r.RegionCode, r.StaffName, Enum.Parse<Domain.Applications.StaffRole>(r.StaffRole), r.RelativeName, r.RelativeIdNumber,
            r.Relationship, r.RegisteredOn)).ToList();
    }

    public async Task<IReadOnlyList<Domain.Applications.ConflictOfInterestMatch>> FindAsync(RegionCode county, IReadOnlyCollection<string> idNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idNumbers);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);

        // Registered in the county, below it (township, village), or above it (city, province): registrations above the
        // county lie outside a county caller's scope, so a database function (not the tables) answers this R-21 check.
        var rows = await connection.QueryAsync<(Guid Id, string StaffName, string StaffRole, string Relationship)>(new CommandDefinition(
            """
            SELECT id, staff_name, staff_role, relationship
            FROM close_relative_matches(@ids, @prefix, @ancestors)
            ORDER BY id
            """,
            new { ids = idNumbers.ToArray(), prefix = county.SubtreePrefix, ancestors = county.SelfAndAncestors().Select(r => r.Value).ToArray() },
            session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new Domain.Applications.ConflictOfInterestMatch(r.Id, r.StaffName, Enum.Parse<Domain.Applications.StaffRole>(r.StaffRole), r.Relationship)).ToList();
    }

    private sealed record RelativeRow(Guid Id, string RegionCode, string StaffName, string StaffRole, string RelativeName, string RelativeIdNumber, string Relationship, DateOnly RegisteredOn);
}
