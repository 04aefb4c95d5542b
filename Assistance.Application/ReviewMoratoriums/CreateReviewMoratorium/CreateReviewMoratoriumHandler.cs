namespace Assistance.Application.ReviewMoratoriums.CreateReviewMoratorium;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Regions;
using Assistance.Domain.Reviews;

public sealed class CreateReviewMoratoriumHandler(IReviewMoratoriumRepository moratoriums, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateReviewMoratoriumCommand, ReviewMoratoriumDto>
{
    public async Task<ReviewMoratoriumDto> Handle(CreateReviewMoratoriumCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = clock.Today();
        var moratorium = ReviewMoratorium.Declare(
            Guid.CreateVersion7(), RegionCode.Parse(request.RegionCode, "regionCode"), request.From, request.To, request.Reason, request.Source, request.EndSource, today);
        await moratoriums.AddAsync(user.Scope, moratorium, cancellationToken).ConfigureAwait(false);
        return ReviewMoratoriumDto.Of(moratorium, today);
    }
}
