namespace Assistance.Api.Http;

using System.Buffers;

/// <summary>
/// A JSON request body as <see cref="TextRuleMiddleware"/> read it for its scan: one pooled buffer per request, kept
/// for every later reader instead of being read a second time (issue 14). The request's Body becomes a read-only view
/// of it, and <see cref="JsonBodyBinder"/> deserializes from it in one synchronous pass. The response disposes it, which
/// clears the buffer (it may hold personal data) and returns it to the pool.
/// </summary>
public sealed class BufferedRequestBody : IDisposable
{
    private byte[]? buffer;

    internal BufferedRequestBody(byte[] buffer, int length)
    {
        this.buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => buffer is { } bytes ? bytes.AsSpan(0, Length) : throw new ObjectDisposedException(nameof(BufferedRequestBody));

    /// <summary>The body of this request when it was read whole, else null (no JSON body, or an NDJSON import).</summary>
    public static BufferedRequestBody? Of(HttpContext context) => context?.Features.Get<BufferedRequestBody>();

    /// <summary>Keeps the bytes for the rest of the request: the Body stream reads them, the response returns them.</summary>
    internal void Attach(HttpContext context)
    {
        context.Features.Set(this);
        context.Request.Body = new MemoryStream(buffer!, 0, Length, writable: false);
        context.Response.RegisterForDispose(this);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref buffer, null) is { } bytes)
        {
            ArrayPool<byte>.Shared.Return(bytes, clearArray: true);
        }
    }
}
