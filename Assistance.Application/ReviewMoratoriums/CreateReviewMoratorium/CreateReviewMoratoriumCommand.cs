namespace Assistance.Application.ReviewMoratoriums.CreateReviewMoratorium;

using Assistance.Application.Abstractions;

/// <summary>Declares a review moratorium for a region and its subtree .</summary>
public sealed record CreateReviewMoratoriumCommand(string RegionCode, DateOnly From, DateOnly? To, string Reason, string Source, string? EndSource)
    : ICommand<ReviewMoratoriumDto>, IReviewMoratoriumTerms;
