namespace Assistance.Infrastructure.Queries;

using Assistance.Application.Regions;
using Assistance.Domain.Regions;
using Assistance.Infrastructure.Persistence;
using Dapper;

public sealed class RegionQueries(DbSession session) : IRegionQueries
{
    public async Task<RegionDto?> FindAsync(string code, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<RegionDto>(new CommandDefinition(
            """
            SELECT code AS Code, name AS Name, parent_code AS ParentCode, level AS Level
            FROM regions WHERE code = @code
            """,
            new { code },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RegionDto>> ListChildrenAsync(string? parentCode, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<RegionDto>(new CommandDefinition(
            """
            SELECT code AS Code, name AS Name, parent_code AS ParentCode, level AS Level
            FROM regions
            WHERE (@parentCode::varchar IS NULL AND parent_code IS NULL) OR parent_code = @parentCode
            ORDER BY code
            """,
            new { parentCode },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    public async Task<bool> ExistsAsync(RegionCode code, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM regions WHERE code = @code)",
            new { code = code.Value },
            session.Transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
