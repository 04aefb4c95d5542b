namespace Assistance.ArchitectureTests;

using System.Reflection;
using Assistance.Application.Abstractions;
using NetArchTest.Rules;

/// <summary>
/// Authorization cannot be forgotten: every port of the Application that reads or writes region-owned data takes the
/// caller's <see cref="RegionScope"/> in every method, so a handler cannot call it without one (a compile error), and a
/// new port without it fails here. Ports over data that is not region-owned, and the three deliberate national
/// lookups of, are listed by name.
/// </summary>
public sealed class RegionScopeTests
{
    /// <summary>Ports whose data is not owned by a region (or that are not data ports at all).</summary>
    private static readonly string[] NotRegionOwned =
    [
        "IAuditLog", // appends rows naming their own region; the database lets any caller with a region append
        "ICalendarStore", "IPolicyStore", "IRegionQueries", // national reference data and public law
        "IIdempotencyStore", // keyed by the caller's identity
        "IDomainEventSink", // receives events already produced through scoped repositories; each event names its region
        "IJobRunner", // system work: job runs are national and carry no region (the alerts they raise are region-owned and read through IAlertRepository)
        "ICommand", "ICommandHandler", "ICommandMarker", "IQuery", "IQueryHandler", "ISender", "IHouseholdFields",
        "ICurrentUser", "IUnitOfWork", "IUnitOfWorkTransientDetector", "IDatabaseErrorTranslator",
        // Household imports: the body is the request, not data; a batch is bound to the RegionScope given to
        // IHouseholdImportWriter.BeginAsync (which takes it) and requires it of every household it stages.
        "IHouseholdImportBody", "IHouseholdImportBatch",
        "IOutbox", // like IDomainEventSink: appends events already produced through scoped repositories, each naming its region
        "IWebhookSecretProtector", // encryption, no data
        "IReviewMoratoriumTerms", // the fields two moratorium commands share (one validator for both), not a data port
        "IPolicyResolverCache", // issue 14: IPolicyStore's cache read without a round trip, national reference data like the store
        "IConfirmsValidRequests", // issue 14: a validator's allocation-free "valid" answer, not a data port
    ];

    /// <summary>R-21/R-22 are national: these look across regions on purpose, through database functions.</summary>
    private static readonly string[] NationalLookups =
    [
        "IHouseholdRepository.FindHoldersAsync", "IEnrolmentRepository.ActiveForIdNumbersAsync", "ICloseRelativeMatcher.FindAsync",
    ];

    [Test]
    public void EveryMethodOfARegionOwnedPort_TakesARegionScope()
    {
        var ports = Types.InAssembly(typeof(RegionScope).Assembly).That().AreInterfaces().GetTypes()
            .Where(t => !NotRegionOwned.Contains(Name(t)))
            .ToList();
        Assert.That(ports.Select(Name), Is.SupersetOf(new[] { "IHouseholdRepository", "IHouseholdQueries", "IApplicationRepository", "IEnrolmentRepository" }));

        var missing = ports
            .SelectMany(port => port.GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => (Port: port, Method: m)))
            .Where(x => !NationalLookups.Contains($"{Name(x.Port)}.{x.Method.Name}"))
            .Where(x => !x.Method.GetParameters().Any(p => p.ParameterType == typeof(RegionScope)))
            .Select(x => $"{Name(x.Port)}.{x.Method.Name}")
            .ToList();
        Assert.That(missing, Is.Empty, "region-owned data is read and written only with the caller's RegionScope");
    }

    [Test]
    public void NoHandlerChecksRegionAccessByHand()
    {
        // The old pattern (load, then `if (!user.CanAccess(x.Region)) throw 404`) is gone with the method itself.
        Assert.That(typeof(ICurrentUser).GetMethod("CanAccess"), Is.Null);
        Assert.That(typeof(ICurrentUser).GetProperty(nameof(ICurrentUser.Scope))!.PropertyType, Is.EqualTo(typeof(RegionScope)));
    }

    private static string Name(Type type) => type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;
}
