namespace Assistance.Application.ReviewMoratoriums.AmendReviewMoratorium;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class AmendReviewMoratoriumHandler(IReviewMoratoriumRepository moratoriums, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AmendReviewMoratoriumCommand, ReviewMoratoriumDto>
{
    public async Task<ReviewMoratoriumDto> Handle(AmendReviewMoratoriumCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var moratorium = VersionedLoad.Require(
            await moratoriums.GetAsync(user.Scope, request.Id, cancellationToken).ConfigureAwait(false),
            "ReviewMoratorium", request.Id, request.ExpectedVersion, m => m.Version);
        var loaded = moratorium.Version;

        // An ancestor's moratorium is visible to the caller but not theirs to change: as if it did not exist for writing.
        user.Scope.Require(moratorium.Region);
        var today = clock.Today();
        moratorium.Amend(request.From, request.To, request.Reason, request.Source, request.EndSource, today);
        await moratoriums.SaveAsync(user.Scope, moratorium, loaded, cancellationToken).ConfigureAwait(false);
        return ReviewMoratoriumDto.Of(moratorium, today);
    }
}
