namespace Assistance.Api.Tests;

using Assistance.Application.Common;
using Assistance.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Npgsql;

/// <summary>The one place PostgreSQL errors get a meaning: retry the unit of work, answer 503, or neither.</summary>
public sealed class DatabaseErrorsTests
{
    private static readonly DatabaseErrors Errors = new(DatabaseSettings.From(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["ASSISTANCE_DB"] = "Host=x;Database=y;Username=z", ["Database:RetryAfterSeconds"] = "9" })
        .Build()));

    [TestCase("53300", TestName = "Translate_TooManyConnections_IsUnavailable")]
    [TestCase("57P03", TestName = "Translate_CannotConnectNow_IsUnavailable")]
    [TestCase("57P01", TestName = "Translate_AdminShutdown_IsUnavailable")]
    [TestCase("08006", TestName = "Translate_ConnectionFailure_IsUnavailable")]
    [TestCase("28000", TestName = "Translate_RoleCannotLogIn_IsUnavailable")]
    public void Translate_ServerStatesMeaningTryLater_BecomeDatabaseUnavailable(string sqlState)
    {
        var translated = Errors.Translate(Postgres(sqlState));
        Assert.That(translated, Is.TypeOf<DatabaseUnavailableException>());
        Assert.That(((DatabaseUnavailableException)translated!).RetryAfterSeconds, Is.EqualTo(9));
    }

    [Test]
    public void Translate_PoolExhausted_IsUnavailable_AndWrappedDeepInside()
    {
        var exhausted = new NpgsqlException("The connection pool has been exhausted", new TimeoutException());
        Assert.That(Errors.Translate(exhausted), Is.TypeOf<DatabaseUnavailableException>());
        Assert.That(Errors.Translate(new InvalidOperationException("outer", exhausted)), Is.TypeOf<DatabaseUnavailableException>());
    }

    [TestCase("23505")]
    [TestCase("22021")]
    [TestCase("40001")]
    public void Translate_OtherStates_AreLeftAlone(string sqlState) =>
        Assert.That(Errors.Translate(Postgres(sqlState)), Is.Null);

    [Test]
    public void Translate_AnAlreadyTranslatedException_IsLeftAlone() =>
        Assert.That(Errors.Translate(new DatabaseUnavailableException(5)), Is.Null);

    [TestCase("40001", true)]
    [TestCase("40P01", true)]
    [TestCase("23505", false)]
    [TestCase("53300", false)]
    public void IsTransient_OnlySerializationFailuresAndDeadlocksAmongServerErrors(string sqlState, bool transient) =>
        Assert.That(Errors.IsTransient(Postgres(sqlState)), Is.EqualTo(transient));

    private static PostgresException Postgres(string sqlState) => new("test", "ERROR", "ERROR", sqlState);
}
