namespace Assistance.Api.Endpoints;

using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Assistance.Api.Http;
using Assistance.Api.Security;
using Assistance.Application.Abstractions;
using Assistance.Application.Households;
using Assistance.Application.Households.ImportHouseholds;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

/// <summary>
/// /api/v1/household-imports: a registry operator loads many households at once (the yearly 入户 survey, a county
/// moving registers). The body is NDJSON, one household per line in the shape POST /households accepts: members
/// and incomes nest, which CSV cannot carry without a second file, and a line is the unit errors are reported by.
/// The import is synchronous and all-or-nothing in one transaction (see docs/api.md, "Household imports").
/// </summary>
public static class HouseholdImportEndpoints
{
    public const string NdjsonMediaType = "application/x-ndjson";

    public static RouteGroupBuilder MapHouseholdImports(this RouteGroupBuilder api, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var maxBytes = configuration.GetValue("Imports:MaxBodyBytes", 2L * 1024 * 1024 * 1024);
        var group = api.MapGroup("/household-imports").WithTags("Households");
        group.MapPost("/", ImportHouseholds).RequireAuthorization(Scopes.RegistryWrite).AcceptIdempotencyKey()
            .Accepts<HouseholdInput>(NdjsonMediaType)
            .WithMetadata(new BodySizeLimit(maxBytes))
            .AddEndpointFilter(async (context, next) =>
            {
                var type = context.HttpContext.Request.ContentType;
                if (type is null || !type.StartsWith(NdjsonMediaType, StringComparison.OrdinalIgnoreCase))
                {
                    await ProblemDetailsSetup.WriteAsync(context.HttpContext, 415, "request.unsupported-media-type", "Unsupported media type.",
                        $"Send the households as NDJSON (one household object per line) with Content-Type: {NdjsonMediaType}.").ConfigureAwait(false);
                    return Results.Empty;
                }

                return await next(context).ConfigureAwait(false);
            })
            .WithSummary("Registers many households from NDJSON (one household per line), all or none.");
        return group;
    }

    /// <param name="sender">Mediator.</param>
    /// <param name="json">The API's JSON rules, applied to every line.</param>
    /// <param name="httpContext">The request (its body is the NDJSON).</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public static async Task<Ok<HouseholdImportDto>> ImportHouseholds(
        ISender sender, IOptions<JsonOptions> json, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(httpContext);
        await using var body = await HouseholdImportBody.SpoolAsync(httpContext.Request.Body, json.Value.SerializerOptions, cancellationToken)
            .ConfigureAwait(false);
        var result = await sender.Send(new ImportHouseholdsCommand(body.Sha256, body.Length, body), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(result);
    }
}

/// <summary>The import's own body limit (Imports:MaxBodyBytes), read by <see cref="RequestLimits.UseRequestBodyLimit"/>.</summary>
internal sealed record BodySizeLimit(long? MaxRequestBodySize) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata;

/// <summary>
/// The body of one import, spooled to a temporary file while its SHA-256 is computed (the idempotency hash, and a
/// retried unit of work reads it again), then read line by line: each line passes the text rule of every JSON body
/// (valid UTF-8, no NUL or control characters) and is parsed with the API's JSON options.
/// </summary>
internal sealed class HouseholdImportBody : IHouseholdImportBody, IAsyncDisposable
{
    /// <summary>A household line longer than this is refused (30 members with 20 incomes each fit many times over).</summary>
    public const int MaxLineBytes = 1024 * 1024;

    /// <summary>Lines parsed together on all cores (and checked together by the handler).</summary>
    private const int ChunkLines = 2048;

    private static readonly SearchValues<byte> MayViolateTextRule = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)0x7f, (byte)'\\', (byte)0xe2]);

    private readonly FileStream file;
    private readonly JsonSerializerOptions options;

    private HouseholdImportBody(FileStream file, JsonSerializerOptions options, string sha256)
    {
        this.file = file;
        this.options = options;
        Sha256 = sha256;
    }

    public string Sha256 { get; }

    public long Length => file.Length;

    public static async Task<HouseholdImportBody> SpoolAsync(Stream body, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"assistance-import-{Guid.NewGuid():N}.ndjson");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
            try
            {
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            return new HouseholdImportBody(file, options, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async IAsyncEnumerable<IReadOnlyList<ImportLine>> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        file.Position = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        var raw = new List<(int Number, byte[] Bytes)>(ChunkLines);
        try
        {
            int start = 0, end = 0, number = 0;
            var eof = false;
            while (true)
            {
                var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline < 0 && !eof)
                {
                    if (end - start > MaxLineBytes)
                    {
                        raw.Add((number + 1, []));
                        yield return ParseAll(raw, tooLong: true);
                        yield break;
                    }

                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }

                    if (end == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, larger, 0, end);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var read = await file.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                    eof = read == 0;
                    end += read;
                    continue;
                }

                if (newline < 0 && start == end)
                {
                    break;
                }

                var length = newline < 0 ? end - start : newline;
                number++;
                var line = buffer.AsSpan(start, length).TrimEnd((byte)'\r');
                if (!line.Trim(" \t"u8).IsEmpty)
                {
                    raw.Add((number, line.ToArray()));
                }

                start += length + (newline < 0 ? 0 : 1);
                if (raw.Count == ChunkLines)
                {
                    yield return ParseAll(raw, tooLong: false);
                    raw.Clear();
                }
            }

            if (raw.Count > 0)
            {
                yield return ParseAll(raw, tooLong: false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public ValueTask DisposeAsync() => file.DisposeAsync();

    /// <summary>
    /// A JSON path names a field only when every part of it is a property of the household input: an invented
    /// property name is the caller's input, which a problem never repeats.
    /// </summary>
    private static bool IsDeclared(string path) =>
        path.Split('.').All(part => DeclaredNames.Contains(part.Split('[')[0]));

    private static readonly HashSet<string> DeclaredNames = new[]
        {
            typeof(HouseholdInput), typeof(HouseholdMemberInput), typeof(AssetsInput), typeof(DisabilityInput), typeof(IncomeInput),
        }
        .SelectMany(t => t.GetProperties()).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The chunk's lines parsed on all cores, in order (the last one refused when it was too long).</summary>
    private ImportLine[] ParseAll(List<(int Number, byte[] Bytes)> raw, bool tooLong)
    {
        var lines = new ImportLine[raw.Count];
        Parallel.For(0, raw.Count, i => lines[i] = Parse(raw[i].Number, raw[i].Bytes));
        if (tooLong)
        {
            lines[^1] = new ImportLine(raw[^1].Number, null, $"The line is longer than {MaxLineBytes} bytes; nothing after it was read.");
        }

        return lines;
    }

    /// <summary>One non-blank line parsed (blank lines are allowed and still counted).</summary>
    private ImportLine Parse(int number, ReadOnlySpan<byte> span)
    {
        if (!System.Text.Unicode.Utf8.IsValid(span))
        {
            return new ImportLine(number, null, "The line is not valid UTF-8: send JSON encoded as UTF-8.");
        }

        // The full scan only when a forbidden character could be there: as a raw byte (C0 controls, DEL, the lead
        // byte E2 of U+202A–U+202E and U+2066–U+2069) or as a JSON escape.
        if (span.IndexOfAny(MayViolateTextRule) >= 0 && TextRuleMiddleware.Scan(span) is { } violation)
        {
            return new ImportLine(number, null, $"A value of the line {violation.Reason}");
        }

        try
        {
            var household = JsonSerializer.Deserialize<HouseholdInput>(span, options);
            return household is null ? new ImportLine(number, null, "The line is null, not a household object.") : new ImportLine(number, household, null);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) && IsDeclared(path[2..]) ? path[2..] : "line";
            return new ImportLine(number, null,
                $"The line is not a valid household at '{field}': a value is malformed, of the wrong type, or not one of the allowed values.");
        }
    }
}
