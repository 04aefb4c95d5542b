namespace Assistance.Domain.CloseRelatives;

using Assistance.Domain.Applications;
using Assistance.Domain.Common;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;

/// <summary>What a registration of a close relative says .</summary>
public sealed record CloseRelativeRegistration(
    Guid Id, RegionCode Region, string StaffName, StaffRole StaffRole, string RelativeName, NationalId RelativeIdNumber, string Relationship, DateOnly RegisteredOn);

/// <summary>
/// 近亲属备案 (R-21; N-57 Art.11, 20; S0 九): a close relative of a caseworker or village cadre, registered per region, so
/// that an application by the relative's household is flagged for a county home visit.
/// </summary>
public sealed class CloseRelative : IHasDomainEvents
{
    private readonly List<IDomainEvent> domainEvents = [];

    private CloseRelative(CloseRelativeRegistration r)
    {
        Id = r.Id;
        Region = r.Region;
        StaffName = r.StaffName;
        StaffRole = r.StaffRole;
        RelativeName = r.RelativeName;
        RelativeIdNumber = r.RelativeIdNumber;
        Relationship = r.Relationship;
        RegisteredOn = r.RegisteredOn;
    }

    public Guid Id { get; }

    public RegionCode Region { get; }

    public string StaffName { get; }

    public StaffRole StaffRole { get; }

    public string RelativeName { get; }

    public NationalId RelativeIdNumber { get; }

    public string Relationship { get; }

    public DateOnly RegisteredOn { get; }

    public IReadOnlyList<IDomainEvent> DomainEvents => domainEvents;

    /// <summary>Registers a close relative in a region of the register .</summary>
    /// <param name="registration">Who is related to whom, where, and since when.</param>
    /// <param name="regionIsInRegister">Whether the region is in the region register (the caller looked it up).</param>
    /// <param name="reason">Why, as the audit trail shows it.</param>
    public static CloseRelative Register(CloseRelativeRegistration registration, bool regionIsInRegister, string? reason)
    {
        ArgumentNullException.ThrowIfNull(registration);
        FieldRules.Check(new RegionIsInTheRegister(registration.Region, regionIsInRegister), "regionCode");
        var relative = new CloseRelative(registration with
        {
            StaffName = registration.StaffName.Trim(),
            RelativeName = registration.RelativeName.Trim(),
            Relationship = registration.Relationship.Trim(),
        });
        relative.domainEvents.Add(new CloseRelativeRegistered(relative.ToRegistration(), reason));
        return relative;
    }

    public CloseRelativeRegistration ToRegistration() =>
        new(Id, Region, StaffName, StaffRole, RelativeName, RelativeIdNumber, Relationship, RegisteredOn);

    public void ClearDomainEvents() => domainEvents.Clear();
}

/// <summary>A close relative of staff or a village cadre was registered .</summary>
public sealed record CloseRelativeRegistered(CloseRelativeRegistration Relative, string? Reason) : IDomainEvent;
