namespace Assistance.Application.Reports.MedicalInsuranceChanges;

using System.Globalization;
using Assistance.Application.Abstractions;
using Assistance.Application.Common;

public sealed class MedicalInsuranceChangesHandler(IMedicalInsuranceReportQueries reports, ICurrentUser user, CursorCodec cursors)
    : IQueryHandler<MedicalInsuranceChangesQuery, MedicalInsuranceChangesReport>
{
    public static bool TryParseMonth(string? text, out DateOnly month)
    {
        month = default;
        if (text is not { Length: 7 } || !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return false;
        }

        month = first;
        return true;
    }

    public async Task<MedicalInsuranceChangesReport> Handle(MedicalInsuranceChangesQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        _ = TryParseMonth(request.Month, out var month);
        var limit = request.Limit ?? Cursor.DefaultLimit;
        var filters = $"medical-insurance-changes|{scope.Root}|{request.Month}";
        MedicalInsuranceChangeKey? after = cursors.Decode(request.Cursor, filters) is { } p ? ParseKey(p) : null;
        var rows = await reports.ChangesAsync(scope, month, after, limit + 1, cancellationToken).ConfigureAwait(false);
        string? next = null;
        if (rows.Count > limit)
        {
            var last = rows[limit - 1];
            next = cursors.Encode(string.Join('|', last.Change, last.EnrolmentId, last.MemberId), filters);
            rows = rows.Take(limit).ToList();
        }

        var (started, ended) = await reports.CountsAsync(scope, month, cancellationToken).ConfigureAwait(false);
        var pii = user.CanReadIdNumbers();
        return new MedicalInsuranceChangesReport(
            request.Month!, scope.Root.Value, started, ended,
            rows.Select(r => pii ? r : r with { IdNumber = Domain.Households.NationalId.Mask(r.IdNumber) }).ToList(), next);
    }

    private static MedicalInsuranceChangeKey ParseKey(string payload)
    {
        var parts = payload.Split('|');
        return parts.Length == 3 && Enum.TryParse<BeneficiaryChange>(parts[0], out var change) && Guid.TryParse(parts[1], out var enrolment)
            && Guid.TryParse(parts[2], out var member)
            ? new MedicalInsuranceChangeKey(change, enrolment, member)
            : throw CursorCodec.Invalid();
    }
}
