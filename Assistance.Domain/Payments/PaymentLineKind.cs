namespace Assistance.Domain.Payments;

/// <summary>What a payment roll line pays .</summary>
public enum PaymentLineKind
{
    /// <summary>A dibao household's monthly amount (低保金).</summary>
    DibaoHousehold,

    /// <summary>单人保: a dibao enrolment without a dibao unit, paid to the one enrolled member.</summary>
    DibaoSinglePerson,

    /// <summary>Tekun basic living standard (基本生活标准, R-12).</summary>
    TekunBasic,

    /// <summary>Tekun care standard (照料护理标准, R-13), shown apart from the basic amount.</summary>
    TekunCare,

    /// <summary>An expenditure-hardship household's monthly amount .</summary>
    ExpenditureHardship,

    /// <summary>A marginal household's amount (R-18; usually no cash).</summary>
    DibaoMarginal,

    /// <summary>价格临时补贴 .</summary>
    PriceSubsidy,
}

/// <summary>Where a roll line stands with the bank .</summary>
public enum PaymentLineStatus
{
    Pending,
    Paid,
    Failed,
}
