namespace Assistance.Application.ReviewMoratoriums.AmendReviewMoratorium;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

/// <summary>Amends a moratorium's period, reason or sources; setting <paramref name="To"/> ends it .</summary>
public sealed record AmendReviewMoratoriumCommand(Guid Id, IfMatch ExpectedVersion, DateOnly From, DateOnly? To, string Reason, string Source, string? EndSource)
    : ICommand<ReviewMoratoriumDto>, IReviewMoratoriumTerms;
