namespace Assistance.Application.MedicalInsurance.ProduceMonthlyMedicalInsuranceFeed;

using System.Security.Cryptography;
using System.Text;
using Assistance.Application.Abstractions;
using Assistance.Application.Events;
using Assistance.Application.Reports;
using Assistance.Application.Reports.MedicalInsuranceChanges;

public sealed class ProduceMonthlyMedicalInsuranceFeedHandler(IMedicalInsuranceReportQueries reports, IOutbox outbox, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ProduceMonthlyMedicalInsuranceFeedCommand, MedicalInsuranceFeedDto>
{
    private const int PageSize = 5000;

    public async Task<MedicalInsuranceFeedDto> Handle(ProduceMonthlyMedicalInsuranceFeedCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        _ = MedicalInsuranceChangesHandler.TryParseMonth(request.Month, out var month);
        var changes = new List<MedicalInsuranceChangeDto>();
        MedicalInsuranceChangeKey? after = null;
        while (true)
        {
            var page = await reports.ChangesAsync(scope, month, after, PageSize, cancellationToken).ConfigureAwait(false);
            changes.AddRange(page);
            if (page.Count < PageSize)
            {
                break;
            }

            after = new MedicalInsuranceChangeKey(page[^1].Change, page[^1].EnrolmentId, page[^1].MemberId);
        }

        var added = changes.Where(c => c.Change == BeneficiaryChange.Started).ToList();
        var removed = changes.Where(c => c.Change == BeneficiaryChange.Ended).ToList();
        var region = scope.Root.Value;
        var id = FeedId(region, request.Month!);
        var data = new
        {
            Month = request.Month,
            RegionCode = region,
            Added = added.Select(c => new { c.IdNumber, c.Programme, c.RegionCode, Since = c.FirstPaidMonth }),
            Removed = removed.Select(c => new { c.IdNumber, c.Programme, c.RegionCode, c.EndedOn }),
        };
        var produced = await outbox.AppendAsync(
            new PartnerEvent(id, PartnerEventType.MonthlyMedicalInsuranceFeed, scope.Root, "feed:medical-insurance:" + region, clock.GetUtcNow(), data), cancellationToken)
            .ConfigureAwait(false);
        return new MedicalInsuranceFeedDto(id, request.Month!, region, added.Count, removed.Count, produced);
    }

    /// <summary>One id per region and month (SHA-256 of both, shaped as a version-8 UUID): a repeated run is a no-op.</summary>
    public static Guid FeedId(string region, string month)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"medical-insurance-feed|{region}|{month}")).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
