namespace Assistance.Application.PaymentRolls.GeneratePaymentRoll;

using Assistance.Application.Abstractions;
using Assistance.Domain.Regions;

/// <summary>
/// Generated once per (region, month, programme): a second request returns the roll that exists (Existing, 200), never a
/// second roll; regenerating is its own explicit, audited request. A large roll (estimated lines above
/// PaymentRolls:AsyncThresholdLines) is queued as an operation (Accepted, 202) and generated in the background.
/// </summary>
public sealed class GeneratePaymentRollHandler(
    IPaymentRollRepository rolls, PaymentRollGenerator generator, PaymentRollSettings settings, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<GeneratePaymentRollCommand, PaymentRollGenerationDto>
{
    public async Task<PaymentRollGenerationDto> Handle(GeneratePaymentRollCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        var region = RegionCode.Parse(request.RegionCode);
        var month = Months.Parse(request.Month!);
        await rolls.LockAsync(scope, region, request.Programme, cancellationToken).ConfigureAwait(false);
        if (await rolls.FindCurrentAsync(scope, region, month, request.Programme, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return new PaymentRollGenerationDto(PaymentRollGenerationDto.Existing, existing, null);
        }

        if (await rolls.FindOpenOperationAsync(scope, region, month, request.Programme, cancellationToken).ConfigureAwait(false) is { } running)
        {
            return new PaymentRollGenerationDto(PaymentRollGenerationDto.Accepted, null, running);
        }

        var estimate = await rolls.EstimateLinesAsync(scope, region, month, request.Programme, cancellationToken).ConfigureAwait(false);
        if (estimate > settings.AsyncThresholdLines)
        {
            var operation = await rolls.AddOperationAsync(scope, Guid.CreateVersion7(), region, month, request.Programme, user.Subject, clock.GetUtcNow(), cancellationToken)
                .ConfigureAwait(false);
            return new PaymentRollGenerationDto(PaymentRollGenerationDto.Accepted, null, operation);
        }

        var roll = await generator.GenerateAsync(scope, region, month, request.Programme, null, null, cancellationToken).ConfigureAwait(false);
        return new PaymentRollGenerationDto(PaymentRollGenerationDto.Created, roll, null);
    }
}
