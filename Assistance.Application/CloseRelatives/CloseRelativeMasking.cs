namespace Assistance.Application.CloseRelatives;

using Assistance.Application.Abstractions;
using Assistance.Domain.Households;

internal static class CloseRelativeMasking
{
    /// <summary>The relative's ID number in full only for callers holding pii.read.</summary>
    public static CloseRelativeDto MaskedFor(this CloseRelativeDto dto, ICurrentUser user) =>
        user.CanReadIdNumbers() ? dto : dto with { RelativeIdNumber = NationalId.Parse(dto.RelativeIdNumber).Masked };
}
