namespace Assistance.Application.PaymentRolls;

/// <summary>
/// PaymentRolls:AsyncThresholdLines: a generation whose estimated line count is above this runs as a long-running
/// operation (202 + Operation-Location); at or below it the roll is generated in the request (201).
/// </summary>
public sealed record PaymentRollSettings(long AsyncThresholdLines)
{
    public const long DefaultAsyncThresholdLines = 20_000;
}
