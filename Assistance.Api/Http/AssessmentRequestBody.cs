namespace Assistance.Api.Http;

using System.Reflection;
using Assistance.Application.Assessments;

/// <summary>
/// The body of POST /assessments, bound by <see cref="JsonBodyBinder"/> with <see cref="AssessmentRequestReader"/> first
/// (issue 14). The endpoint declares <see cref="AssessmentRequest"/> as its body, so the contract does not see this type.
/// </summary>
public sealed class AssessmentRequestBody
{
    private AssessmentRequestBody(AssessmentRequest value) => Value = value;

    public AssessmentRequest Value { get; }

    public static async ValueTask<AssessmentRequestBody?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        new(await JsonBodyBinder.BindAsync<AssessmentRequest>(context, parameter, AssessmentRequestReader.TryRead).ConfigureAwait(false));
}
