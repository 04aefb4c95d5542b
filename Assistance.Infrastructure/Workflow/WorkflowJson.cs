namespace Assistance.Infrastructure.Workflow;

using System.Data;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;

/// <summary>JSON for aggregate documents stored in jsonb: camelCase, enums as strings, dates as YYYY-MM-DD.</summary>
internal static class WorkflowJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"Stored {typeof(T).Name} document is empty.");
}

/// <summary>Dapper reads PostgreSQL <c>date</c> as DateTime; the domain speaks DateOnly.</summary>
internal sealed class DateOnlyTypeHandler : SqlMapper.TypeHandler<DateOnly>
{
    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            SqlMapper.AddTypeHandler(new DateOnlyTypeHandler());
        }
    }

    public override void SetValue(IDbDataParameter parameter, DateOnly value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        parameter.DbType = DbType.Date;
        parameter.Value = value;
    }

    public override DateOnly Parse(object value) => value switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        _ => throw new DataException($"Cannot read {value?.GetType().Name} as a date."),
    };
}
