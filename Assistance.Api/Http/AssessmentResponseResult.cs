namespace Assistance.Api.Http;

using System.Reflection;
using Assistance.Application.Assessments;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

/// <summary>
/// 200 with an <see cref="AssessmentResponse"/>, written by <see cref="AssessmentResponseWriter"/> in one synchronous
/// pass and flushed once (issue 14). To the contract, to endpoint filters and to clients it is the same as
/// <c>Ok&lt;AssessmentResponse&gt;</c>: the same status, content type, value and response metadata.
/// </summary>
public sealed class AssessmentResponseResult(AssessmentResponse value)
    : IResult, IValueHttpResult, IValueHttpResult<AssessmentResponse>, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public AssessmentResponse Value { get; } = value ?? throw new ArgumentNullException(nameof(value));

    object? IValueHttpResult.Value => Value;

    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string ContentType => JsonContentType;

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(AssessmentResponse), ["application/json"]));
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var options = httpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = JsonContentType;
        using (var writer = new System.Text.Json.Utf8JsonWriter(response.BodyWriter, AssessmentResponseWriter.WriterOptions(options)))
        {
            AssessmentResponseWriter.Write(writer, Value, options);
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }
}
