namespace Assistance.Application.Applications.GetApplication;

using Assistance.Application.Abstractions;

public sealed record GetApplicationQuery(Guid Id) : IQuery<ApplicationDto>;
