namespace Assistance.Api.Http;

using System.Text.Json.Serialization;
using Assistance.Application.Assessments;
using Assistance.Application.Households;
using Microsoft.AspNetCore.Mvc;

/// <summary>
/// Compile-time JSON metadata for the hot request and response shapes (issue 14): the assessment request and response
/// with its trace, the household representation and problem details. It sits first in the API's resolver chain, ahead of
/// the reflection resolver that still serves every other type, and the same modifiers (required values, PII masking)
/// run over its metadata, so names, converters, masking and the OpenAPI schemas stay what they were. The values a trace
/// parameter can hold (<see cref="TraceParameterDto.Value"/> is an object) are listed so they resolve here too.
/// </summary>
[JsonSerializable(typeof(AssessmentRequest))]
[JsonSerializable(typeof(AssessmentResponse))]
[JsonSerializable(typeof(HouseholdDto))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
[JsonSerializable(typeof(ValidationProblemDetails))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class ApiJsonContext : JsonSerializerContext
{
}
