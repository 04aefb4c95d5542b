namespace Assistance.Application.PaymentRolls.RecordBankReturn;

using Assistance.Application.Abstractions;
using Assistance.Application.Common;
using Assistance.Domain.Common;
using Assistance.Domain.Payments;
using Assistance.Domain.Regions;

/// <summary>
/// All or nothing: every row must name a line of this roll that can take the status; a row repeating the status a line
/// already has changes nothing (the same file sent twice is harmless). A line marked Failed is re-issued by the next
/// month's roll of the county and programme.
/// </summary>
public sealed class RecordBankReturnHandler(IPaymentRollRepository rolls, IAuditLog audit, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordBankReturnCommand, BankReturnResultDto>
{
    public async Task<BankReturnResultDto> Handle(RecordBankReturnCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope;
        var roll = await rolls.GetAsync(scope, request.RollId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("PaymentRoll", request.RollId.ToString());
        var (rows, _) = BankReturnFile.Parse(request.Csv);
        var lines = (await rolls.LockLinesAsync(scope, roll.Id, rows.Select(r => r.LineId).ToList(), cancellationToken).ConfigureAwait(false))
            .ToDictionary(l => l.Id);
        var unknown = rows.Where(r => !lines.ContainsKey(r.LineId)).Select(r => r.LineId).ToList();
        if (unknown.Count > 0)
        {
            throw new BusinessRuleViolationException(
                "payment-roll.line-not-in-roll", $"{unknown.Count} row(s) name no line of this roll, e.g. {unknown[0]}; nothing was recorded.", "R-40");
        }

        var changes = new List<LineReturn>();
        foreach (var row in rows)
        {
            var line = lines[row.LineId];
            BusinessRules.Check(new BankReturnNeedsALiveLine(line.Live));
            BusinessRules.Check(new BankReturnStatusIsFinal(line.Status, row.Status));
            if (line.Status == PaymentLineStatus.Pending)
            {
                changes.Add(row);
            }
        }

        await rolls.MarkAsync(scope, changes, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var result = new BankReturnResultDto(
            roll.Id, changes.Count(c => c.Status == PaymentLineStatus.Paid), changes.Count(c => c.Status == PaymentLineStatus.Failed), rows.Count - changes.Count);
        if (changes.Count > 0)
        {
            await audit.RecordAsync(
                new AuditEntry("PaymentRoll", roll.Id.ToString(), "BankReturnRecorded", RegionCode.Parse(roll.RegionCode), null, result, "R-40: bank return file"),
                cancellationToken).ConfigureAwait(false);
        }

        return result;
    }
}
