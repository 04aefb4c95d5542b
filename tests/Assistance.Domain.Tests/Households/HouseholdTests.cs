namespace Assistance.Domain.Tests.Households;

using System.Globalization;
using Assistance.Domain.Common;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;

/// <summary>The household aggregate keeps the register's invariants (domain.md §1, R-22) on every path.</summary>
public sealed class HouseholdTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
    private static int sequence;

    private static NationalId NewId(bool male = true, string birth = "19700101")
    {
        var n = Interlocked.Increment(ref sequence);
        var seq = ((n % 499) * 2) + (male ? 1 : 0);
        var birthDate = DateOnly.ParseExact(birth, "yyyyMMdd", CultureInfo.InvariantCulture).AddDays(n);
        var first17 = "320682" + birthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + seq.ToString("D3", CultureInfo.InvariantCulture);
        return NationalId.Parse(first17 + NationalId.CheckCharacterFor(first17));
    }

    private static MemberDetails Details(NationalId? id = null, Relationship relationship = Relationship.Other, Disability? disability = null, params IncomeItem[] incomes) =>
        new(id ?? NewId(), "张三", relationship, MemberStatus.Present, LaborCapacity.Full, disability, false, SelfCareLevel.SelfCare, false, false, false, incomes);

    private static Household Register(params MemberDetails[] members) =>
        Household.Register(Guid.CreateVersion7(), RegionCode.Parse("320682001"), ResidenceType.Urban, "如皋", AssetHoldings.None, 0m,
            members.Select(m => (Guid.CreateVersion7(), m)), Now);

    private static string CodeOf(TestDelegate action) => Assert.Throws<BusinessRuleViolationException>(action)!.Code;

    [Test]
    public void Register_WithValidMembers_StartsAtVersion1WithDerivedBirthDateAndSex()
    {
        var id = NationalId.Parse("32068219500312" + "001" + NationalId.CheckCharacterFor("32068219500312001"));
        var household = Register(Details(id, Relationship.Head));
        Assert.Multiple(() =>
        {
            Assert.That(household.Version, Is.EqualTo(1));
            Assert.That(household.CreatedAt, Is.EqualTo(Now));
            Assert.That(household.Members[0].BirthDate, Is.EqualTo(new DateOnly(1950, 3, 12)));
            Assert.That(household.Members[0].Sex, Is.EqualTo(Sex.Male));
        });
    }

    [Test]
    public void Register_With30Members_Succeeds_With31_IsRefused()
    {
        Assert.That(Register([.. Enumerable.Range(0, 30).Select(_ => Details())]).Members, Has.Count.EqualTo(30));
        Assert.That(CodeOf(() => Register([.. Enumerable.Range(0, 31).Select(_ => Details())])), Is.EqualTo("household.too-many-members"));
    }

    [Test]
    public void Register_WithNoMembers_IsRefused() =>
        Assert.That(CodeOf(() => Register()), Is.EqualTo("household.no-members"));

    [Test]
    public void Register_WithSameIdNumberTwice_IsRefusedNamingMaskedNumber()
    {
        var id = NewId();
        var ex = Assert.Throws<BusinessRuleViolationException>(() => Register(Details(id), Details(id)))!;
        Assert.That(ex.Code, Is.EqualTo("household.duplicate-id-number"));
        Assert.That(ex.Message, Does.Contain(id.Masked).And.Not.Contain(id.Value));
        Assert.That(ex.RuleId, Does.Contain("R-22"));
    }

    [Test]
    public void Register_WithTwoHeads_IsRefused_OneOrNoHeadIsFine()
    {
        Assert.That(CodeOf(() => Register(Details(relationship: Relationship.Head), Details(relationship: Relationship.Head))), Is.EqualTo("household.multiple-heads"));
        Assert.That(Register(Details(relationship: Relationship.Head), Details()).Members, Has.Count.EqualTo(2));
        Assert.That(Register(Details(), Details()).Members, Has.Count.EqualTo(2));
    }

    [TestCase(0, true)]
    [TestCase(1, false)]
    [TestCase(4, false)]
    [TestCase(5, true)]
    public void Register_DisabilityGrade_IsOneToFour(int grade, bool refused)
    {
        void Act() => Register(Details(disability: new Disability(DisabilityCategory.Physical, grade)));
        if (refused)
        {
            Assert.That(CodeOf(Act), Is.EqualTo("household.disability-grade-invalid"));
        }
        else
        {
            Assert.DoesNotThrow(Act);
        }
    }

    [Test]
    public void Register_IncomeAmount_ZeroIsFine_OneCentBelowIsRefused()
    {
        Assert.DoesNotThrow(() => Register(Details(incomes: new IncomeItem(IncomeType.Wage, 0m, false))));
        Assert.That(CodeOf(() => Register(Details(incomes: new IncomeItem(IncomeType.Wage, -0.01m, false)))), Is.EqualTo("household.negative-income"));
    }

    [Test]
    public void Register_20IncomesAreFine_21AreRefused()
    {
        IncomeItem[] Incomes(int n) => [.. Enumerable.Range(0, n).Select(_ => new IncomeItem(IncomeType.Transfer, 1m, false))];
        Assert.DoesNotThrow(() => Register(Details(incomes: Incomes(20))));
        Assert.That(CodeOf(() => Register(Details(incomes: Incomes(21)))), Is.EqualTo("household.too-many-incomes"));
    }

    [Test]
    public void Register_NegativeAssetsOrRigidExpenditure_IsRefused()
    {
        Assert.That(CodeOf(() => Household.Register(Guid.CreateVersion7(), RegionCode.Parse("320682"), ResidenceType.Rural, "x",
            new AssetHoldings(-0.01m, 0), 0m, [(Guid.CreateVersion7(), Details())], Now)), Is.EqualTo("household.negative-amount"));
        Assert.That(CodeOf(() => Household.Register(Guid.CreateVersion7(), RegionCode.Parse("320682"), ResidenceType.Rural, "x",
            AssetHoldings.None, -0.01m, [(Guid.CreateVersion7(), Details())], Now)), Is.EqualTo("household.negative-amount"));
    }

    [Test]
    public void AddMember_WhenIdNumberAlreadyInHousehold_IsRefusedAndNothingChanges()
    {
        var id = NewId();
        var household = Register(Details(id));
        Assert.That(CodeOf(() => household.AddMember(Guid.CreateVersion7(), Details(id))), Is.EqualTo("household.duplicate-id-number"));
        Assert.That(household.Members, Has.Count.EqualTo(1));
    }

    [Test]
    public void AddMember_AsThirtyFirst_IsRefused()
    {
        var household = Register([.. Enumerable.Range(0, 30).Select(_ => Details())]);
        Assert.That(CodeOf(() => household.AddMember(Guid.CreateVersion7(), Details())), Is.EqualTo("household.too-many-members"));
    }

    [Test]
    public void RemoveMember_LastMember_IsRefused_OtherwiseRemoves()
    {
        var household = Register(Details(), Details());
        household.RemoveMember(household.Members[1].Id);
        Assert.That(household.Members, Has.Count.EqualTo(1));
        Assert.That(CodeOf(() => household.RemoveMember(household.Members[0].Id)), Is.EqualTo("household.no-members"));
    }

    [Test]
    public void UpdateMember_MakingASecondHead_IsRefusedAndKeepsOldDetails()
    {
        var household = Register(Details(relationship: Relationship.Head), Details(relationship: Relationship.Child));
        var child = household.Members[1];
        Assert.That(CodeOf(() => household.UpdateMember(child.Id, child.Details with { Relationship = Relationship.Head })), Is.EqualTo("household.multiple-heads"));
        Assert.That(household.Members[1].Details.Relationship, Is.EqualTo(Relationship.Child));
    }

    [Test]
    public void Replace_MatchesById_AddsNew_RemovesMissing_AndKeepsOrder()
    {
        var household = Register(Details(relationship: Relationship.Head), Details(), Details());
        var keep = household.Members[0];
        var dropped = household.Members[1].Id;
        var newId = Guid.CreateVersion7();
        household.Replace(RegionCode.Parse("320682002"), ResidenceType.Rural, "新址", new AssetHoldings(10m, 1), 5m,
            [(newId, Details()), (keep.Id, keep.Details with { Name = "改名" }), (household.Members[2].Id, household.Members[2].Details)]);
        Assert.Multiple(() =>
        {
            Assert.That(household.Members.Select(m => m.Id), Does.Not.Contain(dropped));
            Assert.That(household.Members[0].Id, Is.EqualTo(newId));
            Assert.That(household.Members[1].Id, Is.EqualTo(keep.Id));
            Assert.That(household.Members[1].Details.Name, Is.EqualTo("改名"));
            Assert.That(household.Region.Value, Is.EqualTo("320682002"));
            Assert.That(household.Residence, Is.EqualTo(ResidenceType.Rural));
            Assert.That(household.Assets, Is.EqualTo(new AssetHoldings(10m, 1)));
            Assert.That(household.Version, Is.EqualTo(1), "persistence, not the aggregate, moves the version");
        });
    }

    [Test]
    public void Replace_WhenARuleBreaks_LeavesTheHouseholdAsItWas()
    {
        var id = NewId();
        var household = Register(Details(id, Relationship.Head));
        var member = household.Members[0];
        Assert.That(CodeOf(() => household.Replace(RegionCode.Parse("320682"), ResidenceType.Rural, "x", AssetHoldings.None, 0m,
            [(member.Id, member.Details with { Name = "changed" }), (Guid.CreateVersion7(), Details(id))])), Is.EqualTo("household.duplicate-id-number"));
        Assert.Multiple(() =>
        {
            Assert.That(household.Members, Has.Count.EqualTo(1));
            Assert.That(household.Members[0].Details.Name, Is.EqualTo("张三"));
            Assert.That(household.Region.Value, Is.EqualTo("320682001"));
        });
    }

    [Test]
    public void StatedBirthDateAndSex_MustAgreeWithIdNumber()
    {
        var id = NationalId.Parse("32068219610504" + "002" + NationalId.CheckCharacterFor("32068219610504002"));
        Assert.Multiple(() =>
        {
            Assert.That(new StatedBirthDateAgreesWithIdNumber(id, new DateOnly(1961, 5, 4)).IsBroken(), Is.False);
            Assert.That(new StatedBirthDateAgreesWithIdNumber(id, new DateOnly(1961, 5, 5)).IsBroken(), Is.True);
            Assert.That(new StatedBirthDateAgreesWithIdNumber(id, null).IsBroken(), Is.False);
            Assert.That(new StatedSexAgreesWithIdNumber(id, Sex.Female).IsBroken(), Is.False);
            Assert.That(new StatedSexAgreesWithIdNumber(id, Sex.Male).IsBroken(), Is.True);
            Assert.That(new StatedSexAgreesWithIdNumber(id, null).IsBroken(), Is.False);
        });
        var ex = Assert.Throws<DomainValidationException>(() => FieldRules.Check(new StatedSexAgreesWithIdNumber(id, Sex.Male), "members[0].sex"))!;
        Assert.That(ex.Field, Is.EqualTo("members[0].sex"));
    }

    [Test]
    public void PersonBelongsToOneHousehold_NamesTheOtherHouseholdOnlyWhenVisible()
    {
        var id = NewId();
        var other = Guid.CreateVersion7();
        var visible = new PersonBelongsToOneHousehold(id, other, otherHouseholdVisible: true);
        var hidden = new PersonBelongsToOneHousehold(id, other, otherHouseholdVisible: false);
        Assert.Multiple(() =>
        {
            Assert.That(visible.IsBroken(), Is.True);
            Assert.That(visible.Message, Does.Contain(other.ToString()).And.Contain(id.Masked));
            Assert.That(hidden.Message, Does.Not.Contain(other.ToString()).And.Contain("outside your area").And.Not.Contain("region").And.Not.Contain(id.Value));
            Assert.That(new PersonBelongsToOneHousehold(id, null, false).IsBroken(), Is.False);
        });
    }
}

/// <summary>The household raises its change's event once persistence stored it, with the state before and as stored.</summary>
public sealed class HouseholdEventTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);

    private static MemberDetails Details(string first17, Relationship relationship) =>
        new(NationalId.Parse(first17 + NationalId.CheckCharacterFor(first17)), "张三", relationship, MemberStatus.Present, LaborCapacity.Full, null, false,
            SelfCareLevel.SelfCare, false, false, false, []);

    private static Household Registered() =>
        Household.Register(Guid.CreateVersion7(), RegionCode.Parse("320682001"), ResidenceType.Urban, "如皋", AssetHoldings.None, 0m,
            [(Guid.CreateVersion7(), Details("32068219500312001", Relationship.Head))], Now);

    [Test]
    public void Register_RaisesNothingUntilStored_ThenRegistered_WithTheStoredState()
    {
        var household = Registered();
        Assert.That(household.DomainEvents, Is.Empty, "nothing is stored yet");
        household.MarkSaved(1, Now);

        var registered = (HouseholdRegistered)household.DomainEvents.Single();
        Assert.Multiple(() =>
        {
            Assert.That(registered.Action, Is.EqualTo("Created"));
            Assert.That(registered.Before, Is.Null);
            Assert.That(registered.After.Id, Is.EqualTo(household.Id));
            Assert.That(registered.After.Version, Is.EqualTo(1));
            Assert.That(registered.After.Members.Select(m => m.Id), Is.EqualTo(household.Members.Select(m => m.Id)));
        });
    }

    [Test]
    public void AddMember_RaisesMemberAdded_WithTheStateBefore_AndAfterAtTheNewVersion()
    {
        var household = Household.Restore(Registered().ToState());
        var memberId = Guid.CreateVersion7();
        household.AddMember(memberId, Details("32068219800101002", Relationship.Spouse));
        var later = Now.AddMinutes(5);
        household.MarkSaved(2, later);

        var added = (HouseholdMemberAdded)household.DomainEvents.Single();
        Assert.Multiple(() =>
        {
            Assert.That(added.Action, Is.EqualTo("MemberAdded"));
            Assert.That(added.MemberId, Is.EqualTo(memberId));
            Assert.That(added.Before!.Members, Has.Count.EqualTo(1));
            Assert.That(added.Before!.Version, Is.EqualTo(1));
            Assert.That(added.After.Members, Has.Count.EqualTo(2));
            Assert.That((added.After.Version, added.After.UpdatedAt), Is.EqualTo((2L, later)));
        });

        household.ClearDomainEvents();
        household.MarkSaved(3, later);
        Assert.That(household.DomainEvents, Is.Empty, "a change raises its event once");
    }

    [Test]
    public void ARefusedChange_RaisesNothing()
    {
        var household = Household.Restore(Registered().ToState());
        Assert.Throws<BusinessRuleViolationException>(() => household.RemoveMember(household.Members[0].Id));
        household.MarkSaved(2, Now);
        Assert.That(household.DomainEvents, Is.Empty);
    }

    [Test]
    public void UpdateAndRemove_AreNamedAsTheAuditTrailNamesThem()
    {
        var household = Household.Restore(Registered().ToState());
        var spouse = Guid.CreateVersion7();
        household.AddMember(spouse, Details("32068219800101002", Relationship.Spouse));
        household.UpdateMember(spouse, Details("32068219800101002", Relationship.Spouse) with { Name = "李四" });
        household.RemoveMember(spouse);
        household.MarkSaved(2, Now);
        Assert.That(household.DomainEvents.Cast<HouseholdEvent>().Select(e => e.Action), Is.EqualTo(new[] { "MemberAdded", "MemberUpdated", "MemberRemoved" }));
    }
}
