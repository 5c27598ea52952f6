// Moved to the customers domain; the import's readers keep their import path.
export * from '../../customers/contacts'
