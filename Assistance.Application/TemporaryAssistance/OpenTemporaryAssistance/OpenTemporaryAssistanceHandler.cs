namespace Assistance.Application.TemporaryAssistance.OpenTemporaryAssistance;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Application.Policy;
using Assistance.Domain.Common;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;
using Assistance.Domain.TemporaryAssistance;

public sealed class OpenTemporaryAssistanceHandler(ITemporaryAssistanceRepository cases, IPolicyStore policy, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<OpenTemporaryAssistanceCommand, TemporaryAssistanceDto>
{
    public async Task<TemporaryAssistanceDto> Handle(OpenTemporaryAssistanceCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var township = RegionCode.Parse(request.TownshipCode, "townshipCode");
        user.Scope.Require(township);
        var today = clock.Today();
        if (request.OccurredOn > today)
        {
            throw new DomainValidationException("occurredOn", "occurredOn cannot lie in the future.");
        }

        // The township must be in the register (null resolver: unknown region, 404); its parameters measure the amount.
        var parameters = await policy.ResolverForAsync(township, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("Region", township.Value);
        var amount = Domain.Common.Money.FromYuan(request.AmountRequested, "amountRequested");
        var evaluation = TemporaryAssistanceEvaluation.Evaluate(parameters, township, request.OccurredOn, request.Residence, amount, request.UnemployedMigrantGrant);
        var assistanceCase = TemporaryAssistanceCase.Open(
            Guid.CreateVersion7(), township, request.Type, request.PersonName, NationalId.Parse(request.IdNumber), request.OccurredOn, request.Description,
            amount, request.UnemployedMigrantGrant, evaluation, today, user.Subject, request.Reason);
        var parameterDtos = EvaluationParameterDto.From(evaluation.Parameters);
        await cases.AddAsync(user.Scope, assistanceCase, parameterDtos, cancellationToken).ConfigureAwait(false);
        return TemporaryAssistanceDto.From(assistanceCase.ToState(), parameterDtos, today);
    }
}
