namespace Assistance.Application.PaymentRolls;

using Assistance.Application.Abstractions;
using Assistance.Domain.Applications;
using Assistance.Domain.Payments;
using Assistance.Domain.Regions;

/// <summary>The price subsidy a roll pays: the index, its month and the amount per person by residence.</summary>
public sealed record SubsidyInput(Guid PriceIndexId, DateOnly IndexMonth, decimal UrbanPerPerson, decimal RuralPerPerson, string TraceJson);

/// <summary>
/// Everything one set-based generation needs. <paramref name="DeductOverpayments"/>: payments.overpaymentHandling is
/// Deduct for the region and month (open overpayments are deducted from the enrolments' monthly lines, R-33/R-40).
/// </summary>
public sealed record RollGeneration(
    Guid RollId, RegionCode Region, DateOnly Month, Programme Programme, int Version, Guid? Supersedes, string GeneratedBy, DateTimeOffset At, string? Reason,
    SubsidyInput? Subsidy, bool DeductOverpayments = false);

/// <summary>One month of an enrolment as the rolls know it (<see cref="IPaymentRollRepository.RollMonthsAsync"/>).</summary>
public sealed record RollMonth(DateOnly Month, bool HasRoll, decimal? Paid);

/// <summary>A line as a bank return needs it.</summary>
public sealed record LineState(Guid Id, PaymentLineStatus Status, bool Live);

/// <summary>A status from the bank for one line.</summary>
public sealed record LineReturn(Guid LineId, PaymentLineStatus Status, string? Reference, string? Reason);

/// <summary>The stored facts behind a line's amount.</summary>
public sealed record LineBasisData(PaymentRollLineDto Line, string? EnrolmentBasisJson, string? SubsidyTraceJson, AmountDecisionDto? AmountDecision, decimal EnrolmentMonthlyAmount);

/// <summary>Payment rolls. Every method is scoped; the SQL filters by the scope and RLS enforces it again.</summary>
public interface IPaymentRollRepository
{
    /// <summary>Serializes generations of one (region, programme) in this transaction (replicas, retries, the scheduler).</summary>
    Task LockAsync(RegionScope scope, RegionCode region, Programme programme, CancellationToken cancellationToken);

    Task<PaymentRollDto?> FindCurrentAsync(RegionScope scope, RegionCode region, DateOnly month, Programme programme, CancellationToken cancellationToken);

    Task<PaymentRollDto?> GetAsync(RegionScope scope, Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// For each month from <paramref name="fromMonth"/> to <paramref name="toMonth"/>: whether a roll of the enrolment's programme
    /// exists for it in a region containing the enrolment (any version), and the sum of the enrolment's monthly lines the
    /// bank returned Paid for that period (price subsidies excluded; re-issues included), or null.
    /// </summary>
    Task<IReadOnlyList<RollMonth>> RollMonthsAsync(
        RegionScope scope, Guid enrolmentId, RegionCode enrolmentRegion, Programme programme, DateOnly fromMonth, DateOnly toMonth, CancellationToken cancellationToken);

    /// <summary>How many enrolments the roll would pay (the size estimate that picks 201 or 202).</summary>
    Task<long> EstimateLinesAsync(RegionScope scope, RegionCode region, DateOnly month, Programme programme, CancellationToken cancellationToken);

    /// <summary>Writes the roll, its lines and its control totals with set-based statements.</summary>
    Task<PaymentRollDto> GenerateAsync(RegionScope scope, RollGeneration generation, CancellationToken cancellationToken);

    /// <summary>Marks a version superseded by <paramref name="newId"/>; its unpaid lines stop counting (they will never be paid).</summary>
    Task SupersedeAsync(RegionScope scope, Guid oldId, Guid newId, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<PaymentRollLineDto>> ListLinesAsync(
        RegionScope scope, Guid rollId, PaymentLineStatus? status, PaymentLineKind? kind, Guid? afterId, int limit, CancellationToken cancellationToken);

    Task<LineBasisData?> LineBasisAsync(RegionScope scope, Guid rollId, Guid lineId, CancellationToken cancellationToken);

    /// <summary>The roll's lines for the bank, read with a server-side reader one row at a time.</summary>
    IAsyncEnumerable<PaymentExportRow> ExportAsync(RegionScope scope, Guid rollId, CancellationToken cancellationToken);

    /// <summary>The lines named, locked for update; lines of other rolls are not returned.</summary>
    Task<IReadOnlyList<LineState>> LockLinesAsync(RegionScope scope, Guid rollId, IReadOnlyList<Guid> lineIds, CancellationToken cancellationToken);

    Task MarkAsync(RegionScope scope, IReadOnlyList<LineReturn> returns, DateTimeOffset at, CancellationToken cancellationToken);

    Task<PaymentRollOperationDto?> FindOpenOperationAsync(RegionScope scope, RegionCode region, DateOnly month, Programme programme, CancellationToken cancellationToken);

    Task<PaymentRollOperationDto> AddOperationAsync(
        RegionScope scope, Guid id, RegionCode region, DateOnly month, Programme programme, string requestedBy, DateTimeOffset at, CancellationToken cancellationToken);

    Task<PaymentRollOperationDto?> GetOperationAsync(RegionScope scope, Guid id, CancellationToken cancellationToken);

    /// <summary>Queued (or Running left by a stopped process) → Running under a row lock; null when another worker holds it or it is finished.</summary>
    Task<PaymentRollOperationDto?> ClaimOperationAsync(RegionScope scope, Guid id, CancellationToken cancellationToken);

    Task FinishOperationAsync(RegionScope scope, Guid id, Guid? rollId, string? failure, DateTimeOffset at, CancellationToken cancellationToken);
}
