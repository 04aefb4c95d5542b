namespace Assistance.Domain.TemporaryAssistance;

using Assistance.Domain.Common;
using Assistance.Domain.Households;
using Assistance.Domain.Policy;
using Assistance.Domain.Regions;

/// <summary>
/// Why a township's standard is urban or rural. Temporary assistance is decided where the emergency happened, whatever
/// the hukou (R-42; S2 四(十三)), so the standard is that of the place, not of the person's registration: the caseworker
/// states it, or it is read from the township's GB/T 10114 code (a 街道 street office, codes 001–099, is urban; a town
/// or township, 100 and above, is rural).
/// </summary>
public enum ResidenceBasis
{
    Stated,
    DerivedFromTownshipCode,
}

/// <summary>One parameter value the evaluation read, with where it came from .</summary>
public sealed record EvaluationParameter(string Key, decimal? Value, string RegionCode, DateOnly? EffectiveFrom, string Source, bool IsDemo);

/// <summary>
/// The amount of a case measured in months of the local dibao standard on the date of the emergency, and the approval
/// tier that follows. Pure: everything comes from the parameters given.
/// </summary>
public sealed record TemporaryAssistanceEvaluation(
    ResidenceType Residence,
    ResidenceBasis ResidenceBasis,
    Money MonthlyStandard,
    decimal Months,
    ApprovalTier Tier,
    decimal TownshipApprovalMaxMonths,
    decimal CaseByCaseAboveMonths,
    MigrantGrantBand? MigrantGrant,
    IReadOnlyList<EvaluationParameter> Parameters)
{
    /// <summary>The residence type of a township: streets (街道, third segment 001–099) urban, towns and townships rural.</summary>
    public static ResidenceType ResidenceOf(RegionCode township) =>
        int.Parse(township.Value.AsSpan(6, 3), System.Globalization.CultureInfo.InvariantCulture) < 100 ? ResidenceType.Urban : ResidenceType.Rural;

    /// <exception cref="ParameterNotInForceException">The standard or a tier limit has no value in force there on that date.</exception>
    public static TemporaryAssistanceEvaluation Evaluate(
        ParameterResolver parameters, RegionCode township, DateOnly occurredOn, ResidenceType? statedResidence, Money amount, bool unemployedMigrantGrant)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var residence = statedResidence ?? ResidenceOf(township);
        var basis = statedResidence is null ? ResidenceBasis.DerivedFromTownshipCode : ResidenceBasis.Stated;
        var read = new List<EvaluationParameter>();
        var standardKey = residence == ResidenceType.Urban ? ParameterCatalog.DibaoStandardUrban : ParameterCatalog.DibaoStandardRural;
        var standard = Require(parameters, standardKey, township, occurredOn, residence, read);
        var townshipMax = Require(parameters, ParameterCatalog.TemporaryTownshipApprovalMaxMonths, township, occurredOn, residence, read);
        var caseByCase = Require(parameters, ParameterCatalog.TemporaryCaseByCaseAboveMonths, township, occurredOn, residence, read);
        if (standard <= 0)
        {
            throw new ParameterNotInForceException(standardKey.Key, township.Value, occurredOn);
        }

        MigrantGrantBand? band = null;
        if (unemployedMigrantGrant)
        {
            // S0 三: 一次性临时救助金, in principle 3–6 months of the local dibao standard.
            var min = Require(parameters, ParameterCatalog.TemporaryUnemployedMigrantMinMonths, township, occurredOn, residence, read);
            var max = Require(parameters, ParameterCatalog.TemporaryUnemployedMigrantMaxMonths, township, occurredOn, residence, read);
            band = new MigrantGrantBand(min, max, Money.RoundToFen(min * standard), Money.RoundToFen(max * standard));
        }

        var months = decimal.Round(amount.Yuan / standard, 4, MidpointRounding.AwayFromZero);
        var tier = TierFor(amount.Yuan, standard, townshipMax, caseByCase);
        return new TemporaryAssistanceEvaluation(residence, basis, Money.FromYuan(standard, standardKey.Key), months, tier, townshipMax, caseByCase, band, read);
    }

    /// <summary>
    /// up to townshipMax × standard the township approves, above it the county, above caseByCase × standard the
    /// county coordination mechanism (一事一议). Compared in yuan, so no rounding of the months decides a tier.
    /// </summary>
    public static ApprovalTier TierFor(decimal amountYuan, decimal standard, decimal townshipMaxMonths, decimal caseByCaseAboveMonths) =>
        amountYuan > caseByCaseAboveMonths * standard ? ApprovalTier.CaseByCase
        : amountYuan > townshipMaxMonths * standard ? ApprovalTier.County
        : ApprovalTier.Township;

    private static decimal Require(
        ParameterResolver parameters, ParameterDefinition key, RegionCode township, DateOnly date, ResidenceType residence, List<EvaluationParameter> read)
    {
        var resolved = parameters.Resolve(key.Key, township, date, residence: residence);
        if (resolved is null || resolved.Value.IsNull)
        {
            throw new ParameterNotInForceException(key.Key, township.Value, date);
        }

        var value = resolved.Value.AsDecimal();
        read.Add(new EvaluationParameter(key.Key, value, resolved.RegionCode, resolved.EffectiveFrom, resolved.Source, resolved.IsDemo));
        return value;
    }
}

/// <summary>The unemployed-migrant one-off grant's band (R-42; S0 三): months of the standard and the same in yuan.</summary>
public sealed record MigrantGrantBand(decimal MinMonths, decimal MaxMonths, Money Min, Money Max);
