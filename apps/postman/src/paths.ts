// Where the build writes, for the build itself and for everything that runs the collection.
export const collectionFile = new URL(
  "../dist/klearstack.postman_collection.json",
  import.meta.url,
);
export const environmentFile = new URL(
  "../dist/klearstack-local-mock.postman_environment.json",
  import.meta.url,
);
