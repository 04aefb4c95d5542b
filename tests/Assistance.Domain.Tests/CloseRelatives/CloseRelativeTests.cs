namespace Assistance.Domain.Tests.CloseRelatives;

using Assistance.Domain.Applications;
using Assistance.Domain.CloseRelatives;
using Assistance.Domain.Common;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;
using static Assistance.Domain.Tests.Calendar.SeedCalendar;

/// <summary>The close-relative registration aggregate (近亲属备案, R-21).</summary>
public sealed class CloseRelativeTests
{
    private static CloseRelativeRegistration Registration(string region = "320682") => new(
        Guid.NewGuid(), RegionCode.Parse(region), " 李四 ", StaffRole.Caseworker, " 李小四 ", NationalId.Parse("320682195001010011"), " 子女 ", D("2025-03-01"));

    [Test]
    public void Register_TrimsTheNames_AndRaisesRegistered_WithTheReason()
    {
        var r = CloseRelative.Register(Registration(), regionIsInRegister: true, "备案");

        var registered = (CloseRelativeRegistered)r.DomainEvents.Single();
        Assert.Multiple(() =>
        {
            Assert.That((r.StaffName, r.RelativeName, r.Relationship), Is.EqualTo(("李四", "李小四", "子女")));
            Assert.That(r.StaffRole, Is.EqualTo(StaffRole.Caseworker));
            Assert.That(registered.Relative, Is.EqualTo(r.ToRegistration()));
            Assert.That(registered.Reason, Is.EqualTo("备案"));
        });
    }

    [Test]
    public void Register_InARegionNotInTheRegister_IsBadInputOnRegionCode()
    {
        var ex = Assert.Throws<DomainValidationException>(() => CloseRelative.Register(Registration("320699"), regionIsInRegister: false, null));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Field, Is.EqualTo("regionCode"));
            Assert.That(ex.Message, Is.EqualTo("Region 320699 is not in the register."));
        });
    }

    [Test]
    public void RegionIsInTheRegister_IsBrokenOnlyOutsideTheRegister()
    {
        Assert.That(new RegionIsInTheRegister(RegionCode.Parse("320682"), true).IsBroken(), Is.False);
        Assert.That(new RegionIsInTheRegister(RegionCode.Parse("320682"), false).IsBroken(), Is.True);
    }
}
