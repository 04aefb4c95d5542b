namespace Assistance.Application.Reports.GetMonthlyReport;

using System.Globalization;
using Assistance.Application.Abstractions;
using Assistance.Domain.Applications;
using Assistance.Domain.Regions;

public sealed class GetMonthlyReportHandler(IReportQueries queries, ICurrentUser user) : IQueryHandler<GetMonthlyReportQuery, MonthlyReportDto>
{
    public static bool TryParseMonth(string? text, out DateOnly monthStart) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out monthStart);

    public async Task<MonthlyReportDto> Handle(GetMonthlyReportQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = user.Scope.Narrow(request.RegionCode);
        _ = TryParseMonth(request.Month, out var monthStart);
        var programmes = await queries.ProgrammeFiguresAsync(scope, monthStart, cancellationToken).ConfigureAwait(false);
        var temporary = await queries.TemporaryAssistanceFiguresAsync(scope, monthStart, cancellationToken).ConfigureAwait(false);
        var rolls = await queries.RollFiguresAsync(scope, monthStart, cancellationToken).ConfigureAwait(false);
        var reviews = await queries.ReviewFiguresAsync(scope, monthStart, cancellationToken).ConfigureAwait(false);
        return Build(scope.Root, request.Month, programmes, temporary, rolls, reviews);
    }

    /// <summary>Rolls the leaf rows up to every region between them and the root (aggregated up the region tree).</summary>
    public static MonthlyReportDto Build(
        RegionCode root, string month, IReadOnlyList<ProgrammeFigureRow> programmes, IReadOnlyList<TemporaryAssistanceFigureRow> temporary,
        IReadOnlyList<RollFigureRow> rolls, IReadOnlyList<ReviewFigureRow> reviews)
    {
        ArgumentNullException.ThrowIfNull(programmes);
        ArgumentNullException.ThrowIfNull(temporary);
        ArgumentNullException.ThrowIfNull(rolls);
        ArgumentNullException.ThrowIfNull(reviews);
        var regions = new SortedSet<string>(StringComparer.Ordinal) { root.Value };
        foreach (var code in programmes.Select(p => p.RegionCode).Concat(temporary.Select(t => t.RegionCode))
                     .Concat(rolls.Select(r => r.RegionCode)).Concat(reviews.Select(r => r.RegionCode)).Distinct())
        {
            foreach (var r in RegionCode.Parse(code).SelfAndAncestors())
            {
                if (root.Contains(r))
                {
                    regions.Add(r.Value);
                }
            }
        }

        var ordered = regions.Where(r => r != root.Value).Prepend(root.Value).Select(code => RegionCode.Parse(code));
        var rows = ordered.Select(region =>
        {
            var inside = programmes.Where(p => region.Contains(RegionCode.Parse(p.RegionCode))).ToList();
            var rollsInside = rolls.Where(r => region.Contains(RegionCode.Parse(r.RegionCode))).ToList();
            var reviewsInside = reviews.Where(r => region.Contains(RegionCode.Parse(r.RegionCode))).ToList();
            var figures = Enum.GetValues<Programme>().Select(programme =>
            {
                var of = inside.Where(p => p.Programme == programme).ToList();
                var paid = rollsInside.Where(r => r.Programme == programme).ToList();
                var reviewed = reviewsInside.Where(r => r.Programme == programme).ToList();
                return new ProgrammeMonthlyFiguresDto(
                    programme, of.Sum(p => p.Households), of.Sum(p => p.Persons), of.Sum(p => p.MonthlyAmounts), of.Sum(p => p.NewEnrolments),
                    of.Sum(p => p.EndedEnrolments), paid.Sum(r => r.RollNetAmount), paid.Sum(r => r.AmountsPaid), paid.Sum(r => r.PriceSubsidyLines),
                    paid.Sum(r => r.PriceSubsidies), reviewed.Sum(r => r.ReviewsDue), reviewed.Sum(r => r.ReviewsDoneOnTime));
            }).ToList();
            var ta = temporary.Where(t => region.Contains(RegionCode.Parse(t.RegionCode))).ToList();
            return new RegionMonthlyFiguresDto(
                region.Value, region.Parent?.Value, figures,
                new TemporaryAssistanceMonthlyFiguresDto(ta.Sum(t => t.CasesOpened), ta.Sum(t => t.CasesPaid), ta.Sum(t => t.AmountPaid), ta.Sum(t => t.FirstAidPayments)));
        }).ToList();
        return new MonthlyReportDto(root.Value, month, rows);
    }
}
