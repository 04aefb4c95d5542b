namespace Assistance.Application.StatusQueries.GetStatusQueryJob;

using Assistance.Application.Abstractions;

public sealed record GetStatusQueryJobQuery(Guid Id) : IQuery<StatusQueryJobDto>;
