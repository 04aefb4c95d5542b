namespace Assistance.Domain.Eligibility;

using System.Runtime.CompilerServices;
using Assistance.Domain.Common;
using Assistance.Domain.Households;

/// <summary>
/// Checks an assessment input before any rule runs; a failure is a <see cref="DomainValidationException"/>
/// naming the field path of the request (e.g. <c>members[0].birthDate</c>). Returns the members' fact block with each
/// birth date filled in, taken from the ID number when only that is given.
/// </summary>
internal static class AssessmentInputValidator
{
    public static MemberFacts[] Validate(AssessmentInput input)
    {
        if (input.Members is null || input.Members.Count == 0)
        {
            throw new DomainValidationException("members", "A household needs at least one member.");
        }

        Require(Defined<ResidenceType>.Contains(input.Residence), "residence", "Unknown residence type.");
        var facts = new MemberFacts[input.Members.Count];
        for (var i = 0; i < input.Members.Count; i++)
        {
            var member = input.Members[i] ?? throw new DomainValidationException(Path(i, "members[{0}]"), "Member is required.");
            var birth = facts[i].BirthDate = BirthDateOf(member, i, input.AsOf);
            RequireFor(Defined<MemberStatus>.Contains(member.Status), i, "members[{0}].status", "Unknown member status.");
            RequireFor(Defined<LaborCapacity>.Contains(member.LaborCapacity), i, "members[{0}].laborCapacity", "Unknown labour capacity.");
            RequireFor(Defined<SelfCareLevel>.Contains(member.SelfCare), i, "members[{0}].selfCare", "Unknown self-care level.");
            if (member.Disability is { } disability)
            {
                RequireFor(Defined<DisabilityCategory>.Contains(disability.Category), i, "members[{0}].disability.category", "Unknown disability category.");
                RequireFor(disability.Grade is >= 1 and <= 4, i, "members[{0}].disability.grade", "Disability grade must be 1 to 4.");
            }

            if (member.TekunSince is { } since)
            {
                RequireFor(since >= birth, i, "members[{0}].tekunSince", "tekunSince cannot be before the member's birth date.");
                RequireFor(since <= input.AsOf, i, "members[{0}].tekunSince", "tekunSince cannot be after asOf: the member was not yet enrolled on the assessment date.");
            }

            var incomes = member.Incomes ?? throw new DomainValidationException(Path(i, "members[{0}].incomes"), "Incomes must be a list (it may be empty).");
            for (var j = 0; j < incomes.Count; j++)
            {
                var item = incomes[j];
                if (item is null || !Defined<IncomeType>.Contains(item.Type))
                {
                    throw new DomainValidationException(IncomePath(i, j, "type"), "Unknown income type.");
                }

                if (item.MonthlyAmount < 0m)
                {
                    throw new DomainValidationException(IncomePath(i, j, "monthlyAmount"), "An income amount cannot be negative.");
                }

                if (!IsWholeCents(item.MonthlyAmount))
                {
                    throw new DomainValidationException(IncomePath(i, j, "monthlyAmount"), "Money has at most two decimals (yuan and fen).");
                }
            }
        }

        var assets = input.Assets ?? throw new DomainValidationException("assets", "Assets are required.");
        Require(assets.Financial >= 0m, "assets.financial", "Financial assets cannot be negative.");
        Require(assets.MotorVehicles >= 0, "assets.motorVehicles", "The number of motor vehicles cannot be negative.");
        Require(input.MonthlyRigidExpenditure >= 0m, "monthlyRigidExpenditure", "Rigid expenditure cannot be negative.");

        // A sub-cent amount would let a gap of less than one fen round to a Dibao outcome paying 0.00.
        Require(IsWholeCents(assets.Financial), "assets.financial", "Money has at most two decimals (yuan and fen).");
        Require(IsWholeCents(input.MonthlyRigidExpenditure), "monthlyRigidExpenditure", "Money has at most two decimals (yuan and fen).");
        return facts;
    }

    // Scale ≤ 2 is whole cents by construction and is what nearly every amount has; only a longer scale
    // (1.50000 is still whole cents) needs the rounding, which costs far more than reading the scale (issue 14).
    private static bool IsWholeCents(decimal amount) => amount.Scale <= 2 || decimal.Round(amount, 2) == amount;

    private static DateOnly BirthDateOf(MemberInput member, int index, DateOnly asOf)
    {
        DateOnly birth;
        if (member.IdNumber is not null)
        {
            if (!NationalId.TryParse(member.IdNumber, out var parsed))
            {
                // Parse again only to throw with the message naming the wrong character and the field path.
                NationalId.Parse(member.IdNumber, Path(index, "members[{0}].idNumber"));
            }

            var id = parsed!;
            if (member.BirthDate is { } given && given != id.BirthDate)
            {
                throw new DomainValidationException(
                    Path(index, "members[{0}].birthDate"),
                    $"Birth date {given:yyyy-MM-dd} disagrees with the ID number, which gives {id.BirthDate:yyyy-MM-dd}.");
            }

            birth = id.BirthDate;
        }
        else
        {
            birth = member.BirthDate
                ?? throw new DomainValidationException(Path(index, "members[{0}].birthDate"), "Birth date is required when no ID number is given.");
        }

        if (birth > asOf)
        {
            throw new DomainValidationException(Path(index, "members[{0}].birthDate"), $"Birth date {birth:yyyy-MM-dd} is after the assessment date {asOf:yyyy-MM-dd}.");
        }

        return birth;
    }

    /// <summary>Like <see cref="Require"/>, but builds the member's field path only on failure (this runs per member).</summary>
    private static void RequireFor(bool condition, int index, string pathFormat, string message)
    {
        if (!condition)
        {
            throw new DomainValidationException(Path(index, pathFormat), message);
        }
    }

    private static void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw new DomainValidationException(field, message);
        }
    }

    private static string Path(int index, string format) => format.Replace("{0}", index.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string IncomePath(int member, int item, string field) =>
        Path(member, "members[{0}].incomes[") + item.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]." + field;

    /// <summary>
    /// <see cref="Enum.IsDefined{TEnum}(TEnum)"/> as a lookup in a table made once per enum type: the validator asks
    /// it four or five times per member, and the runtime's version finds the enum's metadata on every call (issue 14).
    /// Same answer for every value: an enum whose defined values are not all in 0–63 uses the runtime's version.
    /// </summary>
    private static class Defined<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly bool[]? Table = Build();

        public static bool Contains(TEnum value)
        {
            if (Table is null)
            {
                return Enum.IsDefined(value);
            }

            var number = Unsafe.As<TEnum, int>(ref value);
            return (uint)number < (uint)Table.Length && Table[number];
        }

        private static bool[]? Build()
        {
            if (Unsafe.SizeOf<TEnum>() != sizeof(int))
            {
                return null;
            }

            var table = new bool[64];
            foreach (var defined in Enum.GetValues<TEnum>())
            {
                var copy = defined;
                var number = Unsafe.As<TEnum, int>(ref copy);
                if ((uint)number >= (uint)table.Length)
                {
                    return null;
                }

                table[number] = true;
            }

            return table;
        }
    }
}
