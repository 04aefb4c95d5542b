namespace Assistance.Application.ReviewMoratoriums.GetReviewMoratorium;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class GetReviewMoratoriumHandler(IReviewMoratoriumRepository moratoriums, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetReviewMoratoriumQuery, ReviewMoratoriumDto>
{
    public async Task<ReviewMoratoriumDto> Handle(GetReviewMoratoriumQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var moratorium = await moratoriums.GetAsync(user.Scope, request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("ReviewMoratorium", request.Id.ToString());
        return ReviewMoratoriumDto.Of(moratorium, clock.Today());
    }
}
