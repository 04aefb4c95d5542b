namespace Assistance.Domain.TemporaryAssistance;

using Assistance.Domain.Common;
using Assistance.Domain.Regions;

/// <summary>
/// A township's reserve fund for temporary assistance (临时救助备用金, R-45; S2 四(十三) 储备金; S4 三): a ledger of
/// top-ups and disbursements whose balance never goes negative. The repository loads it with its row locked, so two
/// payments against one fund are checked one after the other; the database refuses a negative balance as well.
/// </summary>
public sealed class ReserveFund : IHasDomainEvents
{
    public const string TopUpKind = "TopUp";
    public const string DisbursementKind = "Disbursement";

    private readonly List<IDomainEvent> domainEvents = [];
    private readonly List<ReserveFundMoved> movements = [];

    private ReserveFund(RegionCode township, Money balance, long version)
    {
        Township = township;
        Balance = balance;
        Version = version;
    }

    public RegionCode Township { get; }

    public Money Balance { get; private set; }

    public long Version { get; private set; }

    /// <summary>The movements made since the fund was loaded, in order (the ledger rows to append).</summary>
    public IReadOnlyList<ReserveFundMoved> Movements => movements;

    public IReadOnlyList<IDomainEvent> DomainEvents => domainEvents;

    public static ReserveFund Restore(RegionCode township, Money balance, long version) => new(township, balance, version);

    public ReserveFundMoved TopUp(Guid entryId, Money amount, DateOnly today, string actor, string? reason)
    {
        BusinessRules.Check(new ReserveFundMovementIsPositive(amount));
        Balance += amount;
        return Record(new ReserveFundMoved(Township, entryId, TopUpKind, amount, Balance, null, today, actor, reason));
    }

    public ReserveFundMoved Disburse(Guid entryId, Money amount, Guid caseId, DateOnly today, string actor, string? reason)
    {
        BusinessRules.Check(new ReserveFundMovementIsPositive(amount));
        BusinessRules.Check(new ReserveFundCoversTheDisbursement(Balance, amount));
        Balance -= amount;
        return Record(new ReserveFundMoved(Township, entryId, DisbursementKind, amount, Balance, caseId, today, actor, reason));
    }

    public void SetVersion(long version) => Version = version;

    public void ClearDomainEvents()
    {
        domainEvents.Clear();
        movements.Clear();
    }

    private ReserveFundMoved Record(ReserveFundMoved moved)
    {
        movements.Add(moved);
        domainEvents.Add(moved);
        return moved;
    }
}
