namespace Assistance.Application.ReviewMoratoriums;

/// <summary>What declaring and amending a moratorium both state: its period, why, and the documents that start and end it .</summary>
public interface IReviewMoratoriumTerms
{
    DateOnly From { get; }

#pragma warning disable CA1716 // "to" is the contract's field name, which the commands' positional records implement.
    DateOnly? To { get; }
#pragma warning restore CA1716

    string Reason { get; }

    string Source { get; }

    string? EndSource { get; }
}
