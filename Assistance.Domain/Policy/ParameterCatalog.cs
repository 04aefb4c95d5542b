namespace Assistance.Domain.Policy;

using System.Collections.Frozen;
using Assistance.Domain.Common;
using Assistance.Domain.Households;

/// <summary>
/// Every parameter key of domain.md §2 with its type, unit and meaning. Immutable: the static fields
/// are the typed handles the engine reads through; <see cref="TryGet"/> serves callers holding a key string.
/// </summary>
public static class ParameterCatalog
{
    private const string Yuan = "元/人·月";
    private const string YuanPerYear = "元/年";
    private const string Ratio = "ratio";
    private const string Years = "years";
    private const string Months = "months";
    private const string Flag = "flag";
    private const string WorkingDays = "working days";
    private const string CalendarDays = "calendar days";

    // Declared first: static initialisers run in textual order and Define appends here.
    private static readonly List<ParameterDefinition> Definitions = [];

    private static readonly string[] IncomeTypeNames = Enum.GetNames<IncomeType>();

    public static readonly ParameterDefinition DibaoStandardUrban = Define("dibao.standard.urban", ParameterType.Decimal, Yuan, "Monthly urban dibao standard per person (城市低保标准).");
    public static readonly ParameterDefinition DibaoStandardRural = Define("dibao.standard.rural", ParameterType.Decimal, Yuan, "Monthly rural dibao standard per person (农村低保标准).");
    public static readonly ParameterDefinition DisposableIncomePerCapita = Define("stats.disposableIncomePerCapita.previousYear", ParameterType.Decimal, YuanPerYear, "Last year's per-capita disposable income.");
    public static readonly ParameterDefinition ConsumptionPerCapita = Define("stats.consumptionPerCapita.previousYear", ParameterType.Decimal, YuanPerYear, "Last year's urban per-capita consumption expenditure.");
    public static readonly ParameterDefinition TekunBasicStandard = Define("tekun.basic.standard", ParameterType.Decimal, Yuan, "Published tekun basic living standard (特困人员基本生活标准), optional.");
    public static readonly ParameterDefinition TekunBasicMinMultipleOfDibao = Define("tekun.basic.minMultipleOfDibao", ParameterType.Decimal, Ratio, "Tekun basic standard is at least this × the dibao standard.");
    public static readonly ParameterDefinition TekunBasicMinShareOfConsumption = Define("tekun.basic.minShareOfConsumption", ParameterType.Decimal, Ratio, "Tekun basic standard is at least this × last year's consumption / 12.");
    public static readonly ParameterDefinition TekunBasicMinShareOfDisposableIncome = Define("tekun.basic.minShareOfDisposableIncome", ParameterType.Decimal, Ratio, "Tekun basic standard is at least this × last year's disposable income / 12.");
    public static readonly ParameterDefinition TekunCareSelfCare = Define("tekun.care.amount.selfCare", ParameterType.Decimal, Yuan, "Monthly care standard for a self-caring tekun person (全自理).");
    public static readonly ParameterDefinition TekunCarePartialCare = Define("tekun.care.amount.partialCare", ParameterType.Decimal, Yuan, "Monthly care standard for a partially disabled tekun person (半失能).");
    public static readonly ParameterDefinition TekunCareFullCare = Define("tekun.care.amount.fullCare", ParameterType.Decimal, Yuan, "Monthly care standard for a fully disabled tekun person (全失能).");
    public static readonly ParameterDefinition TekunCareMinShareOfBasic = Define("tekun.care.minShareOfBasic", ParameterType.Decimal, Ratio, "Partial/full care standard is at least this × the tekun basic standard.");
    public static readonly ParameterDefinition TekunElderlyAge = Define("tekun.elderlyAge", ParameterType.Integer, Years, "Age at which a person counts as elderly.");
    public static readonly ParameterDefinition TekunMinorAgeLimit = Define("tekun.minorAgeLimit", ParameterType.Integer, Years, "Under this age a person is a minor with no labour capacity.");
    public static readonly ParameterDefinition TekunContinueInSchool = Define("tekun.continueInSchoolAfterMinorAge", ParameterType.Boolean, Flag, "A tekun minor reaching the limit keeps support while in school.");
    public static readonly ParameterDefinition DibaoIncomeExcludedTypes = Define("dibao.income.excludedTypes", ParameterType.StringList, "IncomeType names", "Income types not counted for dibao.", IncomeTypeNames);
    public static readonly ParameterDefinition TekunIncomeExcludedTypes = Define("tekun.income.excludedTypes", ParameterType.StringList, "IncomeType names", "Income types not counted for the tekun income test.", IncomeTypeNames);
    public static readonly ParameterDefinition EmploymentCostDeduction = Define("dibao.employmentCost.monthlyDeduction", ParameterType.Decimal, Yuan, "Deducted from each employed member's wage (就业成本).");
    public static readonly ParameterDefinition MaxFinancialMonthsPerCapita = Define("dibao.assets.maxFinancialMonthsPerCapita", ParameterType.Decimal, Months, "Financial assets per counted person are at most this × the standard.");
    public static readonly ParameterDefinition MotorVehicleDisqualifies = Define("dibao.assets.motorVehicleDisqualifies", ParameterType.Boolean, Flag, "A non-exempt motor vehicle disqualifies.");
    public static readonly ParameterDefinition SinglePersonEnabled = Define("dibao.singlePerson.enabled", ParameterType.Boolean, Flag, "单人保 for severely disabled or seriously ill members of marginal families.");
    public static readonly ParameterDefinition MarginalMaxMultipleOfStandard = Define("dibao.marginal.maxMultipleOfStandard", ParameterType.Decimal, Ratio, "低保边缘: per-capita income below this × the standard.");
    public static readonly ParameterDefinition ExpenditureDibaoInclusionEnabled = Define("expenditure.dibaoInclusion.enabled", ParameterType.Boolean, Flag, "Expenditure-type families brought into dibao (DibaoInclusion route).");
    public static readonly ParameterDefinition ExpenditureRigidShareEnabled = Define("expenditure.rigidShare.enabled", ParameterType.Boolean, Flag, "Rigid-expenditure hardship recognised (RigidShare route).");
    public static readonly ParameterDefinition ExpenditureMaxMultipleOfStandard = Define("expenditure.maxMultipleOfStandard", ParameterType.Decimal, Ratio, "DibaoInclusion: per-capita income at most this × the standard.");
    public static readonly ParameterDefinition ExpenditureMinRigidShareOfIncome = Define("expenditure.minRigidShareOfIncome", ParameterType.Decimal, Ratio, "RigidShare: 12-month rigid spending / income above this.");
    public static readonly ParameterDefinition GradualExitMaxMonths = Define("dibao.gradualExit.maxMonths", ParameterType.Integer, Months, "渐退期 after income rises through employment.");
    public static readonly ParameterDefinition ReviewIntervalTekun = Define("review.intervalMonths.tekun", ParameterType.Integer, Months, "Review cadence for tekun persons (核查).");
    public static readonly ParameterDefinition ReviewIntervalDibaoStable = Define("review.intervalMonths.dibaoStable", ParameterType.Integer, Months, "Review cadence for stable dibao households.");
    public static readonly ParameterDefinition ReviewIntervalDibaoUnstable = Define("review.intervalMonths.dibaoUnstable", ParameterType.Integer, Months, "Review cadence for unstable dibao households.");
    public static readonly ParameterDefinition WorkingAgeMin = Define("labour.workingAge.min", ParameterType.Integer, Years, "Lowest working age for \"able-bodied\".");
    public static readonly ParameterDefinition WorkingAgeMax = Define("labour.workingAge.max", ParameterType.Integer, Years, "Highest working age for \"able-bodied\".");
    public static readonly ParameterDefinition DibaoStandardMinAnnualIncreasePercent = Define("dibao.standard.minAnnualIncreasePercent", ParameterType.Decimal, "%", "Warn when a new standard rises less than this over the value a year earlier.");
    public static readonly ParameterDefinition PriceSubsidyCpiTriggerPercent = Define("priceSubsidy.cpiTriggerPercent", ParameterType.Decimal, "%", "CPI year-on-year rise that triggers the price subsidy (dated by index month).");
    public static readonly ParameterDefinition PriceSubsidyFoodCpiTriggerPercent = Define("priceSubsidy.foodCpiTriggerPercent", ParameterType.Decimal, "%", "Food CPI year-on-year rise that triggers the price subsidy (dated by index month).");
    public static readonly ParameterDefinition PriceSubsidyPaymentDeadline = Define("priceSubsidy.paymentDeadline", ParameterType.EnumString, "rule", "When the price subsidy must be paid.", ["EndOfPublicationMonth"]);
    public static readonly ParameterDefinition TemporaryUnemployedMigrantMinMonths = Define("temporary.unemployedMigrant.minMonths", ParameterType.Decimal, Months, "Unemployed-migrant one-off grant: lowest months of dibao standard.");
    public static readonly ParameterDefinition TemporaryUnemployedMigrantMaxMonths = Define("temporary.unemployedMigrant.maxMonths", ParameterType.Decimal, Months, "Unemployed-migrant one-off grant: highest months of dibao standard.");
    public static readonly ParameterDefinition TemporaryTownshipApprovalMaxMonths = Define("temporary.townshipApprovalMaxMonths", ParameterType.Decimal, Months, "A township may approve up to this × the standard; above goes to the county.");
    public static readonly ParameterDefinition TemporaryCaseByCaseAboveMonths = Define("temporary.caseByCaseAboveMonths", ParameterType.Decimal, Months, "Above this × the standard: 一事一议 by the county coordination mechanism.");
    public static readonly ParameterDefinition TemporaryFirstAidPaperworkDueDays = Define("temporary.firstAid.paperworkDueDays", ParameterType.Integer, CalendarDays, "先行救助: the paperwork of a first-aid payment is due this many days after the payment.");
    public static readonly ParameterDefinition PensionPremiumSubsidyAnnual = Define("pension.premiumSubsidyAnnual", ParameterType.Decimal, "元/人·年", "Residents' pension premium paid by government for hardship groups.");
    public static readonly ParameterDefinition PaymentRounding = Define("payment.rounding", ParameterType.EnumString, "rule", "Cent (0.01, half away from zero) or Yuan (round up to whole yuan).", ["Cent", "Yuan"]);
    public static readonly ParameterDefinition DeadlineDibaoVerificationStart = Define("deadline.dibao.verificationStartWorkingDays", ParameterType.Integer, WorkingDays, "Start verification within this after acceptance.");
    public static readonly ParameterDefinition DeadlineDibaoCountyDataCheck = Define("deadline.dibao.countyDataCheckWorkingDays", ParameterType.Integer, WorkingDays, "County data check within this after the request.");
    public static readonly ParameterDefinition DeadlineDibaoPublicNotice = Define("deadline.dibao.publicNoticeCalendarDays", ParameterType.Integer, CalendarDays, "Public notice (公示) length.");
    public static readonly ParameterDefinition DeadlineDibaoCountyDecision = Define("deadline.dibao.countyDecisionWorkingDays", ParameterType.Integer, WorkingDays, "County decision within this after receiving the file.");
    public static readonly ParameterDefinition DeadlineDibaoRefusalNotice = Define("deadline.dibao.refusalNoticeWorkingDays", ParameterType.Integer, WorkingDays, "Refusal notice within this after the decision.");
    public static readonly ParameterDefinition DeadlineDibaoTotal = Define("deadline.dibao.totalWorkingDays", ParameterType.Integer, WorkingDays, "Whole dibao process.");
    public static readonly ParameterDefinition DeadlineDibaoTotalExtended = Define("deadline.dibao.totalExtendedWorkingDays", ParameterType.Integer, WorkingDays, "Whole dibao process when extended.");
    public static readonly ParameterDefinition DeadlineTekunInvestigation = Define("deadline.tekun.investigationWorkingDays", ParameterType.Integer, WorkingDays, "Tekun investigation.");
    public static readonly ParameterDefinition DeadlineTekunPublicNotice = Define("deadline.tekun.publicNoticeCalendarDays", ParameterType.Integer, CalendarDays, "Tekun public notice length.");
    public static readonly ParameterDefinition DeadlineTekunCountyDecision = Define("deadline.tekun.countyDecisionWorkingDays", ParameterType.Integer, WorkingDays, "Tekun county decision.");
    public static readonly ParameterDefinition DeadlineTekunRandomHomeCheckMinPercent = Define("deadline.tekun.randomHomeCheckMinPercent", ParameterType.Decimal, "%", "Share of tekun decisions the county checks by random home visit.");

    // Life events and work refusals (R-33 … R-35).
    public static readonly ParameterDefinition WorkRefusalsBeforeShareCut = Define("dibao.workRefusal.consecutiveRefusalsToCut", ParameterType.Integer, "refusals", "Consecutive refusals of suitable work without justified reason after which the member's share is cut (R-35).");

    // Overpayments on payment rolls (R-33 recovered through R-40).
    public static readonly ParameterDefinition PaymentsOverpaymentHandling = Define("payments.overpaymentHandling", ParameterType.EnumString, "rule", "Deduct: open overpayments are deducted from the enrolment's next roll lines (R-40); Recover: they are recovered outside the roll and resolved by hand.", ["Deduct", "Recover"]);
    // Early warning.
    public static readonly ParameterDefinition AlertTekunMinorLeadMonths = Define("alerts.tekunMinorLeadMonths", ParameterType.Integer, Months, "R-36: warn this many months before a tekun minor reaches tekun.minorAgeLimit.");

    private static readonly FrozenDictionary<string, ParameterDefinition> ByKey =
        Definitions.ToFrozenDictionary(d => d.Key, StringComparer.Ordinal);

    /// <summary>All definitions, in <see cref="ParameterDefinition.Ordinal"/> order.</summary>
    public static IReadOnlyList<ParameterDefinition> All { get; } = Definitions.AsReadOnly();

    public static int Count => Definitions.Count;

    public static bool TryGet(string key, out ParameterDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ByKey.TryGetValue(key, out definition!);
    }

    /// <summary>The definition for a key; an unknown key is a <see cref="DomainValidationException"/> naming it.</summary>
    public static ParameterDefinition Get(string key) =>
        TryGet(key, out var definition)
            ? definition
            : throw new DomainValidationException(key, $"'{key}' is not a known parameter key.");

    /// <summary>Validates a (key, value) pair and returns the value normalised to the key's type.</summary>
    public static ParameterValueData Validate(string key, ParameterValueData value) => Get(key).Validate(value);

    private static ParameterDefinition Define(string key, ParameterType type, string unit, string description, IReadOnlyList<string>? allowed = null)
    {
        var definition = new ParameterDefinition(Definitions.Count, key, type, unit, description, allowed);
        Definitions.Add(definition);
        return definition;
    }
}
