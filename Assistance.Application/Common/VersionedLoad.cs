namespace Assistance.Application.Common;

/// <summary>
/// The one "load for a change" check: what the caller's scope cannot see does not exist (404), and a change applies
/// only to the version the caller saw (If-Match, 412).
/// </summary>
public static class VersionedLoad
{
    public static T Require<T>(T? found, string entityType, Guid id, IfMatch expectedVersion, Func<T, long> versionOf)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(versionOf);
        return found is null ? throw new NotFoundException(entityType, id.ToString()) : Check(found, entityType, expectedVersion, versionOf(found));
    }

    public static T Require<T>(T? found, string entityType, Guid id, IfMatch expectedVersion, Func<T, long> versionOf)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(versionOf);
        return found is { } value ? Check(value, entityType, expectedVersion, versionOf(value)) : throw new NotFoundException(entityType, id.ToString());
    }

    private static T Check<T>(T found, string entityType, IfMatch expectedVersion, long actual)
    {
        ArgumentNullException.ThrowIfNull(expectedVersion);
        return expectedVersion.Matches(actual) ? found : throw new VersionMismatchException(entityType, expectedVersion, actual);
    }
}
