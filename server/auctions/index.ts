// The auctions module: the only file other modules import.
import './listener.ts';

export { placeBid } from './bidding.ts';
export { closeAuction, closeDueAuctions, registerOpenAuctions } from './closing.ts';
export { getAuction, auctionView, type AuctionView, type BidDto } from './view.ts';
export { bidInput, type BidInput } from './schemas.ts';
export { EXTENSION_MS } from './head.ts';
export { AuctionHead, AuctionSlot, OpenAuction, slotId } from './model.ts';
