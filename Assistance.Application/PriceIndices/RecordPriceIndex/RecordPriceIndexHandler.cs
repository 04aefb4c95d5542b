namespace Assistance.Application.PriceIndices.RecordPriceIndex;

using Assistance.Application.Abstractions;
using Assistance.Application.PaymentRolls;
using Assistance.Domain.Regions;

/// <summary>One index per region and index month: a second one is a 409 (a correction would change rolls already paid).</summary>
public sealed class RecordPriceIndexHandler(IPriceIndexRepository indices, IAuditLog audit, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordPriceIndexCommand, PriceIndexDto>
{
    public async Task<PriceIndexDto> Handle(RecordPriceIndexCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var region = RegionCode.Parse(request.RegionCode);
        var index = new PriceIndexDto(
            Guid.CreateVersion7(), region.Value, Months.Format(Months.Parse(request.IndexMonth!)), request.CpiPercent + 0.00m, request.FoodCpiPercent + 0.00m,
            request.PublishedOn, request.Source!, user.Subject, clock.GetUtcNow());
        await indices.AddAsync(scope, index, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(new AuditEntry("PriceIndex", index.Id.ToString(), "Recorded", region, null, index, "R-41"), cancellationToken).ConfigureAwait(false);
        return index;
    }
}
