namespace Assistance.Api.Tests.Workflow;

using System.Text.RegularExpressions;
using Assistance.Api.Tests.Infrastructure;
using Assistance.Domain.Applications;
using Npgsql;

/// <summary>
/// The closed application statuses are named once in C# (<see cref="ApplicationTransitionTable.Closed"/>), and once
/// more, unavoidably, in the predicate of the partial unique index on open applications (migration 0020), which the
/// open-application query must match for the planner to use it. This reads the index as PostgreSQL holds it.
/// </summary>
public sealed partial class ClosedStatusIndexTests : ApiTestBase
{
    [Test]
    public async Task OpenApplicationIndex_ExcludesExactlyTheClosedStatuses()
    {
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'applications' AND indexname = 'ux_applications_open_per_household'", connection);
        var definition = (string?)await command.ExecuteScalarAsync();

        Assert.That(definition, Is.Not.Null, "the index exists");
        Assert.That(definition, Does.Contain("UNIQUE").And.Contain("(household_id, programme)").And.Contain("status <> ALL"), definition);
        var excluded = Literal().Matches(definition!).Select(m => m.Groups[1].Value).ToList();
        Assert.That(excluded, Is.EquivalentTo(ApplicationTransitionTable.Closed.Select(s => s.ToString())), definition);
    }

    [GeneratedRegex("'([A-Za-z]+)'::")]
    private static partial Regex Literal();
}
