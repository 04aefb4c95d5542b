namespace Assistance.Application.ReviewMoratoriums.GetReviewMoratorium;

using Assistance.Application.Abstractions;

public sealed record GetReviewMoratoriumQuery(Guid Id) : IQuery<ReviewMoratoriumDto>;
